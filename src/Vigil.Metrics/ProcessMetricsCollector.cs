using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Vigil.Metrics;

/// <summary>
/// Emits the standard process metrics and .NET runtime metrics at scrape time: CPU, memory, start time, file descriptors
/// (Linux, from /proc/self), GC collections and heap, thread pool, and first-chance exceptions.
/// </summary>
/// <remarks>
/// Names follow the Prometheus client conventions (https://prometheus.io/docs/instrumenting/writing_clientlibs/#process-metrics).
/// A metric the platform cannot provide is omitted rather than reported as zero.
/// <c>dotnet_exceptions_total</c> counts exceptions since this collector was created.
/// </remarks>
public sealed class ProcessMetricsCollector : IMetricsCollector, IDisposable
{
    private const string ProcFd = "/proc/self/fd";
    private const string ProcLimits = "/proc/self/limits";

    private readonly Lock _gate = new();
    private readonly Process _process;
    private readonly double _startTimeSeconds;
    private long _exceptions;
    private bool _disposed;

    /// <summary>Reads the process start time once and starts counting first-chance exceptions.</summary>
    public ProcessMetricsCollector()
    {
        _process = Process.GetCurrentProcess();
        _startTimeSeconds = TryRead(() => (_process.StartTime.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds);
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
    }

    /// <inheritdoc/>
    public void Collect(MetricsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        double cpu, resident, virtualBytes;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _process.Refresh();
            cpu = TryRead(() => _process.TotalProcessorTime.TotalSeconds);
            resident = TryRead(() => _process.WorkingSet64);
            virtualBytes = TryRead(() => _process.VirtualMemorySize64);
        }

        EmitIfKnown(writer, MetricType.Counter, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", cpu);
        EmitIfKnown(writer, MetricType.Gauge, "process_resident_memory_bytes", "Resident memory size in bytes.", resident);
        EmitIfKnown(writer, MetricType.Gauge, "process_virtual_memory_bytes", "Virtual memory size in bytes.", virtualBytes);
        EmitIfKnown(writer, MetricType.Gauge, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.", _startTimeSeconds);
        if (OperatingSystem.IsLinux())
        {
            EmitIfKnown(writer, MetricType.Gauge, "process_open_fds", "Number of open file descriptors.", CountOpenFds());
            EmitIfKnown(writer, MetricType.Gauge, "process_max_fds", "Maximum number of open file descriptors.", ReadMaxFds());
        }

        var collections = writer.CounterFamily("dotnet_gc_collections_total", "Garbage collections since the process started, by generation.", "generation");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            collections.Sample(GC.CollectionCount(generation), generation.ToString(CultureInfo.InvariantCulture));
        }

        writer.Gauge("dotnet_gc_heap_size_bytes", "Bytes currently thought to be allocated on the managed heap.", GC.GetTotalMemory(forceFullCollection: false));
        writer.Counter("dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap since the process started.", GC.GetTotalAllocatedBytes());
        writer.Gauge("dotnet_threadpool_threads", "Thread pool threads that currently exist.", ThreadPool.ThreadCount);
        writer.Gauge("dotnet_threadpool_queue_length", "Work items queued to the thread pool and not yet started.", ThreadPool.PendingWorkItemCount);
        writer.Counter("dotnet_exceptions_total", "First-chance exceptions thrown since the collector was created.", Interlocked.Read(ref _exceptions));
    }

    /// <summary>Stops counting exceptions and releases the process handle.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
            _process.Dispose();
        }
    }

    private static void EmitIfKnown(MetricsWriter writer, MetricType type, string name, string help, double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        if (type == MetricType.Counter)
        {
            writer.Counter(name, help, value);
        }
        else
        {
            writer.Gauge(name, help, value);
        }
    }

    private static double CountOpenFds()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(ProcFd).Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    private static double ReadMaxFds()
    {
        try
        {
            // "Max open files            1048576              1048576              files" — the soft limit is the first number.
            foreach (var line in File.ReadLines(ProcLimits))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var soft)
                    ? soft
                    : double.NaN;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return double.NaN;
    }

    private static double TryRead(Func<double> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return double.NaN;
        }
    }

    private void OnFirstChanceException(object? sender, FirstChanceExceptionEventArgs e) => Interlocked.Increment(ref _exceptions);
}
