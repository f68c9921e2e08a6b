using System.Xml.Linq;

namespace Vigil.Architecture.Tests;

/// <summary>Reads the direct project references of every project under a folder from its .csproj file.</summary>
internal static class ProjectGraph
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string folder)
    {
        var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var csproj in Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
        {
            var doc = XDocument.Load(csproj);
            var refs = doc.Descendants("ProjectReference")
                .Select(e => (string?)e.Attribute("Include"))
                .OfType<string>()
                .Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/')))
                .ToList();
            graph[Path.GetFileNameWithoutExtension(csproj)] = refs;
        }

        return graph;
    }

    public static IReadOnlyList<string> PackageReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("PackageReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .ToList();
}
