using System.Numerics.Tensors;
using System.Runtime.ExceptionServices;

namespace Vigil.ML.Neural.Training;

/// <summary>
/// Mini-batch training of a <see cref="Network"/>: seeded shuffling, data-parallel shards over long-lived worker threads with a
/// deterministic gradient reduction, optional clipping, an optimizer step, per-epoch validation and early stopping.
/// </summary>
/// <remarks>
/// <para>Each epoch draws a Fisher–Yates permutation (Fisher &amp; Yates 1938; Durstenfeld 1964) from a <see cref="Random"/> seeded by
/// (seed, epoch). Each batch is gathered into a preallocated buffer and split into W contiguous shards; worker s runs a training
/// forward pass seeded by the pure function (seed, epoch, step, s), the loss with gradient scale 1 / batch rows, and the backward
/// pass in its own <see cref="NetworkWorkspace"/>. The shard gradients are then summed in the fixed order 0, 1, …, W−1, so
/// repeated runs with the same options are bit-identical; runs with different <see cref="TrainerOptions.Workers"/> differ only by the
/// float summation order (and by per-shard dropout seeds).</para>
/// <para>The worker threads start once per <see cref="Fit"/> and meet the calling thread at a <see cref="Barrier"/>; after the first
/// step a training step allocates nothing on any thread.</para>
/// </remarks>
public sealed class NeuralTrainer
{
    private readonly TimeProvider _time;

    /// <summary>Creates a trainer that times epochs with <paramref name="timeProvider"/> (default <see cref="TimeProvider.System"/>).</summary>
    public NeuralTrainer(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Trains <paramref name="network"/> in place on <paramref name="train"/>, validating on <paramref name="validation"/> after every epoch.</summary>
    /// <param name="network">The built, initialized network; its parameters are updated in place.</param>
    /// <param name="train">The training rows; InputSize and TargetWidth must match the network's input and output sizes.</param>
    /// <param name="validation">Optional validation rows, evaluated in inference mode; they are the early-stopping monitor when given.</param>
    /// <param name="options">The settings.</param>
    /// <param name="progress">Receives one report per epoch, on the calling thread.</param>
    /// <param name="cancellationToken">Checked before every step; cancellation throws <see cref="OperationCanceledException"/> and leaves the weights as they are.</param>
    /// <exception cref="ArgumentException">The data does not fit the network.</exception>
    public TrainingResult Fit(Network network, TrainingData train, TrainingData? validation, TrainerOptions options, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        CheckData(network, train, nameof(train));
        if (validation is not null)
        {
            CheckData(network, validation, nameof(validation));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var run = new TrainingRun(network, train, validation, options, _time);
        return run.Execute(progress, cancellationToken);
    }

    private static void CheckData(Network network, TrainingData data, string name)
    {
        if (data.InputSize != network.InputShape.Size)
        {
            throw new ArgumentException($"The {name} rows hold {data.InputSize} input floats; the network takes {network.InputShape} = {network.InputShape.Size}.", name);
        }

        if (data.TargetWidth != network.OutputShape.Size)
        {
            throw new ArgumentException($"The {name} rows hold {data.TargetWidth} targets; the network produces {network.OutputShape} = {network.OutputShape.Size}.", name);
        }
    }

    private enum Job
    {
        Train,
        Validate,
        Stop,
    }

    /// <summary>One shard's workspace and results.</summary>
    private sealed class ShardWorker
    {
        public ShardWorker(Network network, int index, int maxRows)
        {
            Index = index;
            Workspace = network.CreateWorkspace(maxRows);
            Gradients = [.. Workspace.ParameterGradients()];
            LossGradient = new float[maxRows * network.OutputShape.Size];
        }

        public int Index { get; }

        public NetworkWorkspace Workspace { get; }

        public float[][] Gradients { get; }

        public float[] LossGradient { get; }

        public double Loss { get; set; }

        public double SquaredError { get; set; }

        public Exception? Error { get; set; }
    }

    /// <summary>Everything one <see cref="Fit"/> owns: buffers, workers, threads and the per-run optimizer and schedule.</summary>
    private sealed class TrainingRun : IDisposable
    {
        private readonly Network _network;
        private readonly TrainingData _train;
        private readonly TrainingData? _validation;
        private readonly TrainerOptions _options;
        private readonly TimeProvider _time;
        private readonly ILoss _loss;
        private readonly IReadOnlyList<Parameter> _parameters;
        private readonly ShardWorker[] _workers;
        private readonly Thread[] _threads;
        private readonly Barrier? _barrier;
        private readonly float[] _batchInputs;
        private readonly float[] _batchTargets;
        private readonly int[] _order;
        private readonly float[][] _reduced;
        private readonly int _inSize;
        private readonly int _outSize;

        // The current job, written by the calling thread before the start barrier and read by the workers after it.
        private Job _job;
        private float[] _jobInputs = [];
        private float[] _jobTargets = [];
        private int _jobOffset;
        private int _jobRows;
        private int _jobEpoch;
        private int _jobStep;

        public TrainingRun(Network network, TrainingData train, TrainingData? validation, TrainerOptions options, TimeProvider time)
        {
            _network = network;
            _train = train;
            _validation = validation;
            _options = options;
            _time = time;
            _loss = options.Loss;
            _parameters = network.Parameters;
            _inSize = network.InputShape.Size;
            _outSize = network.OutputShape.Size;

            var batch = Math.Min(options.BatchSize, Math.Max(train.Rows, validation?.Rows ?? 0));
            var workerCount = Math.Min(options.Workers, batch);
            var shardRows = (batch + workerCount - 1) / workerCount;
            _workers = new ShardWorker[workerCount];
            for (var s = 0; s < workerCount; s++)
            {
                _workers[s] = new ShardWorker(network, s, shardRows);
            }

            _batchInputs = new float[batch * _inSize];
            _batchTargets = new float[batch * _outSize];
            _order = new int[train.Rows];
            _reduced = new float[_parameters.Count][];
            for (var p = 0; p < _reduced.Length; p++)
            {
                _reduced[p] = new float[_parameters[p].Length];
            }

            _threads = new Thread[workerCount - 1];
            if (workerCount > 1)
            {
                _barrier = new Barrier(workerCount);
                for (var t = 0; t < _threads.Length; t++)
                {
                    _threads[t] = new Thread(WorkerLoop) { IsBackground = true, Name = $"Vigil trainer worker {t + 1}" };
                    _threads[t].Start(_workers[t + 1]);
                }
            }
        }

        public TrainingResult Execute(IProgress<EpochReport>? progress, CancellationToken ct)
        {
            var options = _options;
            var rows = _train.Rows;
            var batchSize = Math.Min(options.BatchSize, rows);
            var stepsPerEpoch = (rows + batchSize - 1) / batchSize;
            var schedule = options.Schedule.Start(options.LearningRate, options.Epochs, stepsPerEpoch);
            var optimizer = options.Optimizer.Create();
            var early = options.EarlyStopping;
            var snapshot = early is { RestoreBestWeights: true } ? AllocateSnapshot() : null;

            var history = new List<EpochReport>(options.Epochs);
            var bestLoss = double.PositiveInfinity;
            var bestEpoch = 0;
            var sinceBest = 0;
            var stoppedEarly = false;
            var diverged = false;
            double totalSeconds = 0;

            for (var s = 0; s < rows; s++)
            {
                _order[s] = s;
            }

            for (var epoch = 0; epoch < options.Epochs; epoch++)
            {
                ct.ThrowIfCancellationRequested();
                var started = _time.GetTimestamp();
                if (options.Shuffle)
                {
                    Shuffle(epoch);
                }

                double lossSum = 0;
                double normSum = 0;
                var rate = 0f;
                for (var step = 0; step < stepsPerEpoch; step++)
                {
                    ct.ThrowIfCancellationRequested();
                    var first = step * batchSize;
                    var count = Math.Min(batchSize, rows - first);
                    Gather(first, count);

                    _job = Job.Train;
                    _jobInputs = _batchInputs;
                    _jobTargets = _batchTargets;
                    _jobOffset = 0;
                    _jobRows = count;
                    _jobEpoch = epoch;
                    _jobStep = step;
                    Dispatch();

                    for (var w = 0; w < _workers.Length; w++)
                    {
                        lossSum += _workers[w].Loss;
                    }

                    Reduce();
                    if (options.ClipNorm is { } clipNorm)
                    {
                        normSum += GradientClipping.ClipByGlobalNorm(_reduced, clipNorm);
                    }

                    if (options.ClipValue is { } clipValue)
                    {
                        GradientClipping.ClipByValue(_reduced, clipValue);
                    }

                    rate = schedule.Rate(epoch, step);
                    optimizer.Step(_parameters, _reduced, rate);
                }

                var seconds = _time.GetElapsedTime(started).TotalSeconds;
                totalSeconds += seconds;
                var trainLoss = lossSum / rows;

                double? validationLoss = null;
                double? validationRmse = null;
                if (_validation is not null)
                {
                    ct.ThrowIfCancellationRequested();
                    (validationLoss, validationRmse) = Validate(_validation);
                }

                var monitored = validationLoss ?? trainLoss;
                schedule.EndEpoch(epoch, monitored);
                var report = new EpochReport(epoch + 1, trainLoss, validationLoss, validationRmse, rate, seconds, options.ClipNorm is null ? null : normSum / stepsPerEpoch);
                history.Add(report);
                progress?.Report(report);

                if (!double.IsFinite(trainLoss))
                {
                    diverged = true;
                    break;
                }

                if (monitored < bestLoss - (early?.MinDelta ?? 0))
                {
                    bestLoss = monitored;
                    bestEpoch = epoch + 1;
                    sinceBest = 0;
                    if (snapshot is not null)
                    {
                        CopyParameters(snapshot, toParameters: false);
                    }
                }
                else if (early is not null && ++sinceBest >= early.Patience)
                {
                    stoppedEarly = epoch + 1 < options.Epochs;
                    break;
                }
            }

            var restored = false;
            if (snapshot is not null && bestEpoch > 0 && bestEpoch != history.Count)
            {
                CopyParameters(snapshot, toParameters: true);
                restored = true;
            }

            return new TrainingResult(history, bestEpoch, bestLoss, history.Count, history.Count == 0 ? 0 : totalSeconds / history.Count, stoppedEarly, restored, diverged);
        }

        public void Dispose()
        {
            if (_barrier is null)
            {
                return;
            }

            _job = Job.Stop;
            _barrier.SignalAndWait();
            foreach (var thread in _threads)
            {
                thread.Join();
            }

            _barrier.Dispose();
        }

        private void Shuffle(int epoch)
        {
            var random = new Random(TrainingSeeds.Shuffle(_options.Seed, epoch));
            var order = _order;
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        private void Gather(int first, int count)
        {
            var inputs = _train.Inputs;
            var targets = _train.Targets;
            for (var r = 0; r < count; r++)
            {
                var source = _order[first + r];
                Array.Copy(inputs, (long)source * _inSize, _batchInputs, (long)r * _inSize, _inSize);
                Array.Copy(targets, (long)source * _outSize, _batchTargets, (long)r * _outSize, _outSize);
            }
        }

        private (double Loss, double Rmse) Validate(TrainingData data)
        {
            var chunk = _batchInputs.Length / _inSize;
            double loss = 0;
            double squared = 0;
            for (var first = 0; first < data.Rows; first += chunk)
            {
                _job = Job.Validate;
                _jobInputs = data.Inputs;
                _jobTargets = data.Targets;
                _jobOffset = first;
                _jobRows = Math.Min(chunk, data.Rows - first);
                Dispatch();
                for (var w = 0; w < _workers.Length; w++)
                {
                    loss += _workers[w].Loss;
                    squared += _workers[w].SquaredError;
                }
            }

            return (loss / data.Rows, Math.Sqrt(squared / ((double)data.Rows * _outSize)));
        }

        /// <summary>Runs the current job on every shard (the calling thread takes shard 0) and rethrows the first worker failure.</summary>
        private void Dispatch()
        {
            if (_barrier is null)
            {
                RunShard(_workers[0]);
            }
            else
            {
                _barrier.SignalAndWait();
                RunShard(_workers[0]);
                _barrier.SignalAndWait();
            }

            for (var w = 0; w < _workers.Length; w++)
            {
                if (_workers[w].Error is { } error)
                {
                    _workers[w].Error = null;
                    ExceptionDispatchInfo.Capture(error).Throw();
                }
            }
        }

        private void WorkerLoop(object? state)
        {
            var worker = (ShardWorker)state!;
            var barrier = _barrier!;
            while (true)
            {
                barrier.SignalAndWait();
                if (_job == Job.Stop)
                {
                    return;
                }

                RunShard(worker);
                barrier.SignalAndWait();
            }
        }

        private void RunShard(ShardWorker worker)
        {
            try
            {
                var total = _jobRows;
                var shards = _workers.Length;
                var start = (int)((long)total * worker.Index / shards);
                var end = (int)((long)total * (worker.Index + 1) / shards);
                var count = end - start;
                var row = _jobOffset + start;
                var inputs = _jobInputs.AsSpan(row * _inSize, count * _inSize);
                var targets = _jobTargets.AsSpan(row * _outSize, count * _outSize);
                var lossGradient = worker.LossGradient.AsSpan(0, count * _outSize);
                worker.Loss = 0;
                worker.SquaredError = 0;

                if (_job == Job.Train)
                {
                    var gradients = worker.Gradients;
                    for (var p = 0; p < gradients.Length; p++)
                    {
                        Array.Clear(gradients[p]);
                    }

                    if (count == 0)
                    {
                        return;
                    }

                    var mode = ForwardMode.Train(TrainingSeeds.Step(_options.Seed, _jobEpoch, _jobStep, worker.Index));
                    var output = _network.Forward(worker.Workspace, inputs, count, mode);
                    worker.Loss = _loss.Evaluate(output, targets, lossGradient, count, _outSize, 1f / total);
                    _network.Backward(worker.Workspace, inputs, lossGradient, count);
                }
                else if (count > 0)
                {
                    var output = _network.Forward(worker.Workspace, inputs, count, ForwardMode.Inference);
                    worker.Loss = _loss.Evaluate(output, targets, lossGradient, count, _outSize, 1f);
                    TensorPrimitives.Subtract(output, targets, lossGradient);
                    worker.SquaredError = TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)lossGradient);
                }
            }
            catch (Exception e)
            {
                worker.Error = e;
            }
        }

        /// <summary>Sums the shard gradients in shard order into the reduction buffers.</summary>
        private void Reduce()
        {
            for (var p = 0; p < _reduced.Length; p++)
            {
                var sum = _reduced[p];
                _workers[0].Gradients[p].AsSpan().CopyTo(sum);
                for (var w = 1; w < _workers.Length; w++)
                {
                    TensorPrimitives.Add(sum, _workers[w].Gradients[p], sum);
                }
            }
        }

        private float[][] AllocateSnapshot()
        {
            var snapshot = new float[_parameters.Count][];
            for (var p = 0; p < snapshot.Length; p++)
            {
                snapshot[p] = new float[_parameters[p].Length];
            }

            return snapshot;
        }

        private void CopyParameters(float[][] snapshot, bool toParameters)
        {
            for (var p = 0; p < snapshot.Length; p++)
            {
                if (toParameters)
                {
                    snapshot[p].AsSpan().CopyTo(_parameters[p].Value);
                }
                else
                {
                    _parameters[p].Value.AsSpan().CopyTo(snapshot[p]);
                }
            }
        }
    }
}
