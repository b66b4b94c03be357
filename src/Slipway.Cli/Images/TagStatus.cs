namespace Slipway.Cli.Images;

/// <summary>What a promotion did (or, with --dry-run, would do) to one tag.</summary>
public enum TagStatus
{
    /// <summary>The tag did not exist; it now points at the image.</summary>
    Added,

    /// <summary>The tag pointed at another image (a floating tag moving forward); it now points at this one.</summary>
    Moved,

    /// <summary>The tag already pointed at this image: nothing sent.</summary>
    Unchanged,

    /// <summary>Dry run: the tag would be added or moved.</summary>
    Planned,

    /// <summary>The registry refused, or could not be reached.</summary>
    Failed,
}
