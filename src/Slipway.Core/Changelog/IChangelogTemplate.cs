namespace Slipway.Core.Changelog;

/// <summary>Renders a changelog document as text: a built-in template or a user's Liquid file.</summary>
public interface IChangelogTemplate
{
    /// <summary>The built-in name (seed, keepachangelog, github) or the file it was read from.</summary>
    string Name { get; }

    string Render(ChangelogDocument document);
}
