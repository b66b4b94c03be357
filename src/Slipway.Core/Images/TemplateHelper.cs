namespace Slipway.Core.Images;

/// <summary>A name usable in a tag expression: a value ({{branch}}) or a helper with arguments ({{date 'YYYYMMDD' tz='Asia/Tokyo'}}); null renders as nothing.</summary>
internal delegate string? TemplateHelper(IReadOnlyList<string?> arguments, IReadOnlyDictionary<string, string?> options);
