namespace Slipway.Core.Images;

public static partial class ImageTagPlanner
{
    /// <summary>type=semver and type=pep440: the pattern rendered from a version, floating patterns held back when they would move backwards.</summary>
    private static class VersionRule
    {
        public static TagCandidate? Candidate(PlanRun run, ImageTagRule rule, IReadOnlyList<ImageTagRule> all)
        {
            if (run.Input(rule) is not { } input)
            {
                return null;
            }

            if (rule["match"] is { Length: > 0 } match)
            {
                // metadata-action keeps the input when the match fails, and takes group 1 when it succeeds.
                var groups = ScriptPattern.Match(input, match, allowSlashForm: false);
                if (groups is not null)
                {
                    if (groups.Count < 2 || groups[1] is null)
                    {
                        return null;
                    }

                    input = groups[1]!;
                }
            }

            input = input.Replace('/', '-');
            var parsed = rule.Type == ImageTagRuleType.Semver ? ReleaseTagValue.FromSemver(input) : ReleaseTagValue.FromPep440(input);
            if (parsed is null)
            {
                return null;
            }

            var pattern = rule["pattern"]!;
            var scope = FloatingScopes.Of(pattern);
            var fields = parsed.Fields.ToDictionary(f => f.Key, f => (TemplateHelper)((_, _) => f.Value), StringComparer.Ordinal);
            if (parsed.IsRelease)
            {
                return new TagCandidate(run.Affix(rule, TagExpression.Render(pattern, fields)), run.Latest(auto: true), scope, parsed.Order);
            }

            // A prerelease gets its exact tag only. metadata-action renders any pattern but {{raw}} as {{version}};
            // a floating pattern adds nothing when an exact one of the same type already gives the exact tag.
            string value;
            if (FloatingScopes.HasFullVersion(pattern))
            {
                value = TagExpression.Render(pattern, fields);
            }
            else if (all.Any(r => r.Type == rule.Type && FloatingScopes.HasFullVersion(r["pattern"]!) && run.Expand(r["enable"]!) == "true"))
            {
                run.Withhold(run.Affix(rule, TagExpression.Render(pattern, fields)), $"{parsed.Order} is a prerelease, which gets only its exact tag");
                return null;
            }
            else
            {
                value = parsed.Fields["version"];
            }

            return new TagCandidate(run.Affix(rule, value), run.Latest(auto: false), FloatingScope.Exact, parsed.Order);
        }
    }
}
