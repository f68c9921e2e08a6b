using Spectre.Console;

namespace Vigil.Cli;

/// <summary>Shows a live progress bar on stderr for long work when stderr is a terminal, and a one-line note otherwise.</summary>
public static class Progress
{
    /// <summary>Runs <paramref name="work"/>, reporting its 0..1 progress under <paramref name="label"/>.</summary>
    public static async Task<T> RunAsync<T>(CliConsole console, string label, Func<IProgress<double>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Interactive)
        {
            await console.Error.WriteLineAsync($"{label}...").ConfigureAwait(false);
            return await work(new Progress<double>()).ConfigureAwait(false);
        }

        T result = default!;
        await console.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1.0);
                var progress = new SynchronousProgress(v => task.Value = Math.Clamp(v, 0, 1));
                result = await work(progress).ConfigureAwait(false);
                task.Value = 1.0;
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs synchronous work on the thread pool with progress.</summary>
    public static Task<T> Run<T>(CliConsole console, string label, Func<IProgress<double>, T> work) =>
        RunAsync(console, label, p => Task.Run(() => work(p)));

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
