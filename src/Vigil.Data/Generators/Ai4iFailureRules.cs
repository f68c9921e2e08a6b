namespace Vigil.Data.Generators;

/// <summary>
/// The deterministic failure modes of the AI4I 2020 dataset (S. Matzka, "Explainable Artificial Intelligence for
/// Predictive Maintenance Applications", AI4I 2020), evaluated on the stored (rounded) values in double arithmetic.
/// </summary>
internal static class Ai4iFailureRules
{
    /// <summary>HDF fires below this process-minus-air temperature difference, in kelvin...</summary>
    public const double HeatDissipationMaxDifferenceK = 8.6;

    /// <summary>...when the rotational speed is also below this, in rpm.</summary>
    public const double HeatDissipationMaxSpeedRpm = 1380;

    /// <summary>PWF fires when the power is below this, in watts...</summary>
    public const double PowerMinWatts = 3500;

    /// <summary>...or above this, in watts.</summary>
    public const double PowerMaxWatts = 9000;

    /// <summary>Converts revolutions per minute to radians per second.</summary>
    public const double RadiansPerSecondPerRpm = 2 * Math.PI / 60;

    /// <summary>OSF fires when tool wear times torque exceeds this, in min·Nm, indexed by type code (L, M, H).</summary>
    public static ReadOnlySpan<double> OverstrainLimits => [11_000, 12_000, 13_000];

    /// <summary>Heat dissipation failure.</summary>
    public static bool IsHeatDissipationFailure(double airK, double processK, double speedRpm) =>
        processK - airK < HeatDissipationMaxDifferenceK && speedRpm < HeatDissipationMaxSpeedRpm;

    /// <summary>Power failure: torque times angular velocity outside [3500, 9000] W.</summary>
    public static bool IsPowerFailure(double torqueNm, double speedRpm)
    {
        var watts = torqueNm * speedRpm * RadiansPerSecondPerRpm;
        return watts < PowerMinWatts || watts > PowerMaxWatts;
    }

    /// <summary>Overstrain failure for the type with the given code (0 = L, 1 = M, 2 = H).</summary>
    public static bool IsOverstrainFailure(int typeCode, double toolWearMin, double torqueNm) =>
        toolWearMin * torqueNm > OverstrainLimits[typeCode];
}
