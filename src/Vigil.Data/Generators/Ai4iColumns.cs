namespace Vigil.Data.Generators;

/// <summary>The column names of the AI4I 2020 predictive maintenance dataset (Matzka, AI4I 2020), in file order.</summary>
public static class Ai4iColumns
{
    /// <summary>The unique row identifier, 1 to n.</summary>
    public const string Udi = "UDI";

    /// <summary>The product identifier: the type letter followed by a serial number, such as M14860.</summary>
    public const string ProductId = "Product ID";

    /// <summary>The product quality variant: L, M or H.</summary>
    public const string Type = "Type";

    /// <summary>The air temperature in kelvin.</summary>
    public const string AirTemperature = "Air temperature [K]";

    /// <summary>The process temperature in kelvin.</summary>
    public const string ProcessTemperature = "Process temperature [K]";

    /// <summary>The spindle's rotational speed in revolutions per minute.</summary>
    public const string RotationalSpeed = "Rotational speed [rpm]";

    /// <summary>The torque in newton metres.</summary>
    public const string Torque = "Torque [Nm]";

    /// <summary>The wear of the tool in use, in minutes, before this product is machined.</summary>
    public const string ToolWear = "Tool wear [min]";

    /// <summary>1 when any failure mode fired, else 0.</summary>
    public const string MachineFailure = "Machine failure";

    /// <summary>Tool wear failure.</summary>
    public const string Twf = "TWF";

    /// <summary>Heat dissipation failure.</summary>
    public const string Hdf = "HDF";

    /// <summary>Power failure.</summary>
    public const string Pwf = "PWF";

    /// <summary>Overstrain failure.</summary>
    public const string Osf = "OSF";

    /// <summary>Random failure.</summary>
    public const string Rnf = "RNF";

    /// <summary>All column names in file order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Udi, ProductId, Type, AirTemperature, ProcessTemperature, RotationalSpeed, Torque, ToolWear,
        MachineFailure, Twf, Hdf, Pwf, Osf, Rnf,
    ];
}
