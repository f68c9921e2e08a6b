using System.Runtime.InteropServices;

namespace Vigil.ML.Boosting;

/// <summary>A row's first and second derivative of the loss (Friedman 2001; Chen and Guestrin 2016, eq. 2), laid out as one 16-byte vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GradientPair(double g, double h)
{
    public double G = g;
    public double H = h;
}
