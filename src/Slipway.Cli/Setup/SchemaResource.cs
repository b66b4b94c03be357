namespace Slipway.Cli.Setup;

/// <summary>slipway.schema.json, the JSON Schema of slipway.yml, embedded in the tool (the same file as the one at the repository root).</summary>
public static class SchemaResource
{
    public static string Text()
    {
        using var stream = typeof(SchemaResource).Assembly.GetManifestResourceStream(Core.Setup.SlipwayProject.SchemaFileName)
            ?? throw new InvalidOperationException("the schema is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
