namespace Vigil.Data.Generators;

/// <summary>The sampled signals of <see cref="Ai4iGenerator"/>: product types, temperatures, torque, speed and tool wear.</summary>
internal static class Ai4iSignals
{
    internal const double AirMeanK = 300;
    internal const double AirSdK = 2;
    internal const double ProcessOffsetK = 10;
    internal const double ProcessNoiseSdK = 1;
    internal const double TorqueMeanNm = 40;
    internal const double TorqueSdNm = 10;

    // Speed model n = n0 + (60 / 2π) · P / (T + T_loss) + N(0, σ): P is the documented 2860 W; n0 and T_loss are the
    // least-squares fit to the published file with P held fixed; σ is the file's spread of speed at a given torque.
    internal const double DrivePowerWatts = 2860;
    internal const double BaseSpeedRpm = 909;
    internal const double LossTorqueNm = 5.8;
    internal const double SpeedNoiseSdRpm = 50;

    internal static int[] DrawTypes(SeededRandom random, Ai4iTypeShares shares, int n)
    {
        var codes = new int[n];
        var lowOrMedium = shares.Low + shares.Medium;
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            codes[i] = u < shares.Low ? 0 : u < lowOrMedium ? 1 : 2;
        }

        return codes;
    }

    // A Gaussian random walk shifted and scaled so that the whole path has exactly the given mean and (population) sd.
    internal static double[] NormalizedRandomWalk(SeededRandom random, int n, double mean, double sd)
    {
        var path = new double[n];
        var position = 0.0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            position += random.NextStandardNormal();
            path[i] = position;
            sum += position;
        }

        var pathMean = sum / n;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = path[i] - pathMean;
            squares += d * d;
        }

        var pathSd = Math.Sqrt(squares / n);
        var scale = pathSd > 0 ? sd / pathSd : 0.0;
        for (var i = 0; i < n; i++)
        {
            path[i] = mean + ((path[i] - pathMean) * scale);
        }

        return path;
    }

    internal static double[] DrawTorque(SeededRandom random, int n)
    {
        var torque = new double[n];
        for (var i = 0; i < n; i++)
        {
            double t;
            do
            {
                t = random.NextNormal(TorqueMeanNm, TorqueSdNm);
            }
            while (t < 0);

            torque[i] = Math.Round(t, 1);
        }

        return torque;
    }

    internal static double[] DrawSpeed(SeededRandom random, double[] torque)
    {
        const double RpmPerRadianPerSecond = 60 / (2 * Math.PI);
        var speed = new double[torque.Length];
        for (var i = 0; i < speed.Length; i++)
        {
            var rpm = BaseSpeedRpm + (RpmPerRadianPerSecond * DrivePowerWatts / (torque[i] + LossTorqueNm));
            speed[i] = Math.Max(0, Math.Round(rpm + random.NextNormal(0, SpeedNoiseSdRpm)));
        }

        return speed;
    }

    internal static (double[] Wear, double[] Twf) SimulateTools(SeededRandom random, Ai4iGeneratorOptions options, int[] types)
    {
        ReadOnlySpan<double> minutesAdded = [2, 3, 5];
        var wear = new double[types.Length];
        var twf = new double[types.Length];
        var current = 0.0;
        var life = random.NextDouble(options.ToolLifeMinMinutes, options.ToolLifeMaxMinutes);
        for (var i = 0; i < types.Length; i++)
        {
            wear[i] = current;
            var added = minutesAdded[types[i]];
            if (current + added > life)
            {
                twf[i] = Ai4iGenerator.Flag(random.NextDouble() < options.ToolFailureProbability);
                current = 0;
                life = random.NextDouble(options.ToolLifeMinMinutes, options.ToolLifeMaxMinutes);
            }
            else
            {
                current += added;
            }
        }

        return (wear, twf);
    }
}
