using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Core.Images;

/// <summary>Decides a build's image tags and labels from metadata-action rules, with floating tags (v1, v1.2, latest) moving forward only.</summary>
public static partial class ImageTagPlanner
{
    /// <summary>The tags and labels for a build of <paramref name="version"/> (null: not a release; semver rules then read a tag ref), given the versions already released.</summary>
    public static ImageTagSet Plan(ImageTagRules rules, ImageBuildContext context, SemanticVersion? version, IReadOnlyCollection<SemanticVersion> existingReleases)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(existingReleases);
        var run = new PlanRun(rules, context, version, new ReleaseHistory(existingReleases));
        return run.Execute();
    }

    /// <summary>Replaces every run of characters a tag cannot hold with '-', as metadata-action does.</summary>
    public static string SanitizeTag(string tag) => TagUnsafe().Replace(tag, "-");

    /// <summary>The OCI distribution spec's tag grammar: [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}.</summary>
    public static bool IsValidTag(string tag) => tag.Length is > 0 and <= 128 && (char.IsAsciiLetterOrDigit(tag[0]) || tag[0] == '_') && !TagUnsafe().IsMatch(tag);

    [GeneratedRegex("[^a-zA-Z0-9._-]+")]
    private static partial Regex TagUnsafe();

    private sealed class PlanRun(ImageTagRules rules, ImageBuildContext context, SemanticVersion? version, ReleaseHistory history)
    {
        private readonly IReadOnlyDictionary<string, TemplateHelper> _scope = ExpressionScope.For(context);
        private readonly List<WithheldTag> _withheld = [];
        private readonly SemanticVersion? _buildVersion = version ?? (context.RefTag is { } tag ? ReleaseTagValue.FromSemver(tag)?.Order : null);
        private string? _main;
        private readonly List<string> _others = [];
        private TagCandidate? _latestSetter;

        public ImageTagSet Execute()
        {
            var ordered = rules.Ordered();
            foreach (var rule in ordered)
            {
                var enabled = Expand(rule["enable"]!);
                if (enabled is not ("true" or "false"))
                {
                    throw new SlipwayException(SlipwayError.Usage($"image tag rule '{rule.Text}': enable must be true or false, not '{enabled}'", "write enable=true, enable=false or enable={{is_default_branch}}"));
                }

                if (enabled == "true" && Candidate(rule, ordered) is { } candidate)
                {
                    Add(candidate);
                }
            }

            var latest = DecideLatest();
            var names = new List<string>();
            if (_main is not null)
            {
                names.Add(_main);
                names.AddRange(_others.Distinct(StringComparer.Ordinal));
                if (latest)
                {
                    var flavor = rules.Flavor;
                    names.Add(SanitizeTag($"{(flavor.PrefixOnLatest ? flavor.Prefix : string.Empty)}latest{(flavor.SuffixOnLatest ? flavor.Suffix : string.Empty)}"));
                }
            }

            return new ImageTagSet
            {
                Version = _main,
                TagNames = names,
                Latest = latest && _main is not null,
                Images = [.. rules.Images.Where(i => i.Enabled).Select(i => i.Name.ToLowerInvariant())],
                Labels = ImageLabels.For(context, _main, rules.Labels, Expand),
                Withheld = _withheld,
            };
        }

        private void Add(TagCandidate candidate)
        {
            if (candidate.Value.Length == 0)
            {
                return;
            }

            if (candidate.Order is { } order && history.WhyNot(order, candidate.Scope) is { } why)
            {
                _withheld.Add(new WithheldTag(SanitizeTag(candidate.Value), why));
                return;
            }

            var value = SanitizeTag(candidate.Value);
            if (!IsValidTag(value))
            {
                // e.g. {{branch}}- on a detached HEAD gives "-abc1234", which every registry refuses.
                _withheld.Add(new WithheldTag(value, "not a valid tag: it must start with a letter, digit or _ and have at most 128 characters"));
                return;
            }

            if (_main is null)
            {
                _main = value;
            }
            else if (value != _main)
            {
                _others.Add(value);
            }

            _latestSetter ??= candidate;
        }

        private bool DecideLatest()
        {
            switch (rules.Flavor.Latest)
            {
                case LatestMode.Never:
                    return false;
                case LatestMode.Always:
                    return _latestSetter is not null;
            }

            if (_latestSetter is not { Latest: true } setter)
            {
                return false;
            }

            if (setter.Order is { } order && history.WhyNot(order, FloatingScope.Overall) is { } why)
            {
                _withheld.Add(new WithheldTag("latest", why));
                return false;
            }

            return true;
        }

        private TagCandidate? Candidate(ImageTagRule rule, IReadOnlyList<ImageTagRule> all) => rule.Type switch
        {
            ImageTagRuleType.Schedule => context.EventName.Contains("schedule", StringComparison.Ordinal)
                ? Plain(rule, TagExpression.Render(rule["pattern"]!, DateScope()), latest: false)
                : null,
            ImageTagRuleType.Semver or ImageTagRuleType.Pep440 => VersionRule.Candidate(this, rule, all),
            ImageTagRuleType.Match => MatchRule(rule),
            ImageTagRuleType.Edge => context.RefBranch is { } branch && branch == (rule["branch"] is { Length: > 0 } b ? b : context.DefaultBranch)
                ? Plain(rule, "edge", latest: false)
                : null,
            ImageTagRuleType.Ref => rule["event"] switch
            {
                "branch" => context.RefBranch is { } branch ? Plain(rule, branch, latest: false) : null,
                "tag" => context.RefTag is { } tag ? Plain(rule, tag, latest: true, ReleaseTagValue.FromSemver(tag)?.Order ?? _buildVersion) : null,
                _ => context.IsPullRequest ? Plain(rule, PullRequestNumber(), latest: false) : null,
            },
            ImageTagRuleType.Raw => Plain(rule, Expand(rule["value"]!), latest: false),
            _ => context.Sha.Length > 0
                ? Plain(rule, rule["format"] == "long" ? context.Sha : ExpressionScope.ShortSha(context.Sha), latest: false)
                : null,
        };

        private TagCandidate? MatchRule(ImageTagRule rule)
        {
            if (Input(rule) is not { } input)
            {
                return null;
            }

            var groups = ScriptPattern.Match(input, rule["pattern"]!, allowSlashForm: true);
            var group = int.Parse(rule["group"]!, CultureInfo.InvariantCulture);
            if (groups is null || group >= groups.Count || groups[group] is not { } value)
            {
                return null;
            }

            return Plain(rule, value, latest: true, ReleaseTagValue.FromSemver(input)?.Order ?? _buildVersion);
        }

        /// <summary>The text a semver, pep440 or match rule reads: its value=, else the release version, else the tag pushed.</summary>
        public string? Input(ImageTagRule rule)
        {
            if (rule["value"] is { Length: > 0 } value)
            {
                return Expand(value);
            }

            if (version is null)
            {
                return context.RefTag;
            }

            // The release version wins over the ref; the tag's own spelling is kept when it is that version ({{raw}} = v1.2.3).
            return context.RefTag is { } tag && ReleaseTagValue.FromSemver(tag)?.Order == version ? tag : version.ToString();
        }

        public TagCandidate Plain(ImageTagRule rule, string value, bool latest, SemanticVersion? order = null) =>
            new(Affix(rule, value), Latest(latest), FloatingScope.Exact, order);

        public bool Latest(bool auto) => rules.Flavor.Latest switch
        {
            LatestMode.Always => true,
            LatestMode.Never => false,
            _ => auto,
        };

        /// <summary>The rule's prefix and suffix (or the flavor's when the rule sets none), expressions expanded.</summary>
        public string Affix(ImageTagRule rule, string value)
        {
            var prefix = rule.Has("prefix") ? Expand(rule["prefix"]!) : rules.Flavor.Prefix.Length > 0 ? Expand(rules.Flavor.Prefix) : string.Empty;
            var suffix = rule.Has("suffix") ? Expand(rule["suffix"]!) : rules.Flavor.Suffix.Length > 0 ? Expand(rules.Flavor.Suffix) : string.Empty;
            return prefix + value + suffix;
        }

        public void Withhold(string tag, string why) => _withheld.Add(new WithheldTag(SanitizeTag(tag), why));

        public string Expand(string template) => TagExpression.Render(template, _scope);

        private Dictionary<string, TemplateHelper> DateScope() => new(StringComparer.Ordinal)
        {
            ["date"] = _scope["date"],
            ["commit_date"] = _scope["commit_date"],
        };

        private string PullRequestNumber()
        {
            var rest = context.Ref["refs/pull/".Length..];
            return rest.EndsWith("/merge", StringComparison.Ordinal) ? rest[..^"/merge".Length] : rest;
        }
    }
}
