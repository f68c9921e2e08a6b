namespace Vigil.ML.Tuning;

/// <summary>
/// One study's loop. Trials run in batches of <see cref="TunerOptions.EffectiveBatchSize"/>: before a batch, on this
/// thread and in trial-number order, each trial's objective seed and sampling seed are drawn from the study's
/// generator and its parameters sampled from the history finished before the batch; the pruner sees that same
/// history. The batch then runs with up to <see cref="TunerOptions.MaxParallelism"/> trials at once and its records
/// join the history in number order, so results never depend on thread timing. The price: trials within a batch
/// cannot learn from each other, so a larger batch makes TPE somewhat less sample-efficient.
/// </summary>
internal sealed class StudyRunner(SearchSpace space, Func<Trial, CancellationToken, ValueTask<double>> objective, TunerOptions options)
{
    private readonly TimeProvider _time = options.TimeProvider;

    public async Task<TuningResult> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var startTimestamp = _time.GetTimestamp();
        var history = new List<TrialRecord>();
        var seeds = new Random(options.Seed);
        var stopReason = TuningStopReason.MaxTrials;
        while (history.Count < options.MaxTrials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.TimeBudget is { } budget && _time.GetElapsedTime(startTimestamp) >= budget)
            {
                stopReason = TuningStopReason.TimeBudget;
                break;
            }

            var snapshot = history.ToArray();
            var batch = SampleBatch(snapshot, seeds, Math.Min(options.EffectiveBatchSize, options.MaxTrials - history.Count));
            var records = new TrialRecord[batch.Count];
            if (options.MaxParallelism == 1 || batch.Count == 1)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    records[i] = await RunTrialAsync(batch[i], cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), parallel, async (i, ct) =>
                    records[i] = await RunTrialAsync(batch[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
            }

            history.AddRange(records);
            if (batch.Count < Math.Min(options.EffectiveBatchSize, options.MaxTrials - snapshot.Length))
            {
                stopReason = TuningStopReason.SearchSpaceExhausted;
                break;
            }
        }

        return new TuningResult
        {
            Direction = options.Direction,
            StopReason = stopReason,
            StartedAt = startedAt,
            EndedAt = _time.GetUtcNow(),
            Trials = history.AsReadOnly(),
        };
    }

    private List<Trial> SampleBatch(TrialRecord[] snapshot, Random seeds, int size)
    {
        var batch = new List<Trial>(size);
        for (var i = 0; i < size; i++)
        {
            var number = snapshot.Length + i;
            var trialSeed = seeds.Next();
            var samplerSeed = seeds.Next();
            var context = new SamplingContext(space, snapshot, options.Direction, number, new Random(samplerSeed));
            if (options.Sampler.Sample(context) is not { } parameters)
            {
                break;
            }

            var invalid = space.Where(p => !parameters.TryGetValue(p.Name, out var v) || !p.Holds(v)).Select(p => p.Name).ToList();
            if (invalid.Count > 0 || parameters.Count != space.Count)
            {
                throw new InvalidOperationException(
                    $"{options.Sampler.GetType().Name} proposed '{parameters}' for trial {number}, outside the space ({string.Join(", ", invalid)}).");
            }

            batch.Add(new Trial(number, trialSeed, parameters, snapshot, options.Pruner, options.Direction));
        }

        return batch;
    }

    private async Task<TrialRecord> RunTrialAsync(Trial trial, CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var (state, value, error) = (TrialState.Complete, (double?)null, (string?)null);
        try
        {
            var result = await objective(trial, cancellationToken).ConfigureAwait(false);
            if (double.IsNaN(result))
            {
                (state, error) = (TrialState.Failed, "The objective returned NaN.");
            }
            else
            {
                value = result;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TrialPrunedException)
        {
            (state, value) = (TrialState.Pruned, trial.IntermediateValues.Count > 0 ? trial.IntermediateValues[^1].Value : null);
        }
#pragma warning disable CA1031 // A failing objective fails its trial, not the study.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            (state, error) = (TrialState.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }

        return new TrialRecord
        {
            Number = trial.Number,
            Seed = trial.Seed,
            State = state,
            Parameters = trial.Parameters,
            Value = value,
            IntermediateValues = [.. trial.IntermediateValues],
            StartedAt = startedAt,
            EndedAt = _time.GetUtcNow(),
            Error = error,
        };
    }
}
