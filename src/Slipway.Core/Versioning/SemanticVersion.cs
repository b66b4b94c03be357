using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Slipway.Core.Versioning;

/// <summary>A Semantic Versioning 2.0.0 version, parsed strictly and compared by the spec's precedence rules.</summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    public static readonly SemanticVersion Zero = new(0, 0, 0);

    public SemanticVersion(long major, long minor, long patch,
        IEnumerable<string>? prerelease = null, IEnumerable<string>? build = null)
        : this(major, minor, patch, prerelease is null ? [] : [.. prerelease], build is null ? [] : [.. build], validated: false)
    {
    }

    // Parsing has checked the identifiers already: ten thousand tags are not checked twice.
    private SemanticVersion(long major, long minor, long patch, ImmutableArray<string> prerelease, ImmutableArray<string> build, bool validated)
    {
        if (major < 0 || minor < 0 || patch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(major), "version numbers are never negative");
        }

        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
        if (validated)
        {
            return;
        }

        foreach (var id in Prerelease)
        {
            if (!IsValidIdentifier(id, forbidLeadingZero: true))
            {
                throw new ArgumentException($"'{id}' is not a valid prerelease identifier", nameof(prerelease));
            }
        }

        foreach (var id in Build)
        {
            if (!IsValidIdentifier(id, forbidLeadingZero: false))
            {
                throw new ArgumentException($"'{id}' is not a valid build identifier", nameof(build));
            }
        }
    }

    public long Major { get; }

    public long Minor { get; }

    public long Patch { get; }

    public ImmutableArray<string> Prerelease { get; }

    public ImmutableArray<string> Build { get; }

    public bool IsPrerelease => Prerelease.Length > 0;

    /// <summary>The same version without prerelease and build metadata (1.3.0-rc.2 gives 1.3.0).</summary>
    public SemanticVersion Core => IsPrerelease || Build.Length > 0 ? new(Major, Minor, Patch) : this;

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version, out var error)
            ? version
            : throw new FormatException($"'{text}' is not a semantic version: {error}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version) =>
        TryParse(text, out version, out _);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version, out string error) =>
        TryParse(text.AsSpan(), out version, out error);

    /// <summary>Parses a version from part of a string (a tag name after its prefix) without copying it first.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SemanticVersion? version, out string error)
    {
        version = null;
        if (text.IsEmpty)
        {
            error = "it is empty";
            return false;
        }

        var rest = text;
        ImmutableArray<string> build = [];
        var plus = rest.IndexOf('+');
        if (plus >= 0)
        {
            build = [.. rest[(plus + 1)..].ToString().Split('.')];
            if (build.Any(id => !IsValidIdentifier(id, forbidLeadingZero: false)))
            {
                error = "build metadata must be dot-separated non-empty identifiers of [0-9A-Za-z-]";
                return false;
            }

            rest = rest[..plus];
        }

        ImmutableArray<string> prerelease = [];
        var dash = rest.IndexOf('-');
        if (dash >= 0)
        {
            prerelease = [.. rest[(dash + 1)..].ToString().Split('.')];
            if (prerelease.Any(id => !IsValidIdentifier(id, forbidLeadingZero: true)))
            {
                error = "prerelease must be dot-separated non-empty identifiers of [0-9A-Za-z-], numeric ones without leading zeros";
                return false;
            }

            rest = rest[..dash];
        }

        Span<Range> parts = stackalloc Range[4];
        if (rest.Split(parts, '.') != 3)
        {
            error = "it needs MAJOR.MINOR.PATCH";
            return false;
        }

        Span<long> numbers = stackalloc long[3];
        for (var i = 0; i < 3; i++)
        {
            var part = rest[parts[i]];
            if (!IsNumeric(part) || (part.Length > 1 && part[0] == '0'))
            {
                error = "MAJOR, MINOR and PATCH must be numbers without leading zeros";
                return false;
            }

            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                error = "a version number is larger than 9223372036854775807";
                return false;
            }
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], prerelease, build, validated: true);
        error = string.Empty;
        return true;
    }

    /// <summary>The next version for a bump: 1.2.3 gives 1.2.4, 1.3.0 or 2.0.0; a prerelease of the target version is released as it (1.3.0-rc.1 + minor = 1.3.0).</summary>
    public SemanticVersion Increment(BumpKind kind) => kind switch
    {
        BumpKind.Major => IsPrerelease && Minor == 0 && Patch == 0 ? Core : new(Major + 1, 0, 0),
        BumpKind.Minor => IsPrerelease && Patch == 0 ? Core : new(Major, Minor + 1, 0),
        BumpKind.Patch => IsPrerelease ? Core : new(Major, Minor, Patch + 1),
        BumpKind.None => this,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public SemanticVersion WithPrerelease(params string[] identifiers) => new(Major, Minor, Patch, identifiers);

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        if (c != 0)
        {
            return c;
        }

        c = Patch.CompareTo(other.Patch);
        if (c != 0)
        {
            return c;
        }

        // A release has higher precedence than any of its prereleases (1.0.0-rc.1 < 1.0.0).
        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
        {
            return Prerelease.Length == other.Prerelease.Length ? 0 : Prerelease.Length == 0 ? 1 : -1;
        }

        for (var i = 0; i < Math.Min(Prerelease.Length, other.Prerelease.Length); i++)
        {
            c = CompareIdentifiers(Prerelease[i], other.Prerelease[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return Sign(Prerelease.Length.CompareTo(other.Prerelease.Length));
    }

    /// <summary>Equality is precedence equality plus identical build metadata, so it agrees with ToString.</summary>
    public bool Equals(SemanticVersion? other) =>
        other is not null && CompareTo(other) == 0 && Build.SequenceEqual(other.Build);

    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (IsPrerelease)
        {
            text.Append('-').AppendJoin('.', Prerelease);
        }

        if (Build.Length > 0)
        {
            text.Append('+').AppendJoin('.', Build);
        }

        return text.ToString();
    }

    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    public static bool operator <(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? right is not null : left.CompareTo(right) < 0;

    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) =>
        left is null || left.CompareTo(right) <= 0;

    public static bool operator >(SemanticVersion? left, SemanticVersion? right) =>
        left is not null && left.CompareTo(right) > 0;

    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? right is null : left.CompareTo(right) >= 0;

    private static int CompareIdentifiers(string a, string b)
    {
        var aNumeric = IsNumeric(a);
        var bNumeric = IsNumeric(b);
        if (aNumeric && bNumeric)
        {
            // No leading zeros, so the longer digit string is the larger number, whatever its size.
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : Sign(string.CompareOrdinal(a, b));
        }

        if (aNumeric != bNumeric)
        {
            return aNumeric ? -1 : 1;
        }

        return Sign(string.CompareOrdinal(a, b));
    }

    private static int Sign(int value) => value switch { > 0 => 1, < 0 => -1, _ => 0 };

    private static bool IsNumeric(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidIdentifier(string id, bool forbidLeadingZero)
    {
        if (id.Length == 0)
        {
            return false;
        }

        foreach (var ch in id)
        {
            if (!(ch is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '-'))
            {
                return false;
            }
        }

        return !(forbidLeadingZero && id.Length > 1 && id[0] == '0' && IsNumeric(id));
    }
}
