using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.GitOps;

namespace Slipway.Tests.Deployments;

/// <summary>The edits of a `kind: gitops` deployment (Core): only the values change; comments, order and quoting stay.</summary>
public sealed class GitOpsEditTests
{
    private static readonly CommandValues V131 = new("1.3.1", "v1.3.1", "sha256:" + new string('b', 64), "staging");
    private static readonly CommandValues NoDigest = V131 with { Digest = null };

    private static GitOpsTarget Target(GitOpsEdit edit, string file = "values.yaml") => new() { Repo = ".", File = file, Edit = edit };

    private static readonly GitOpsTarget Values = Target(new GitOpsEdit { Set = [new("image.tag", "{tag}"), new("image.digest", "{digest}")] });

    [Fact]
    public void A_values_file_gets_the_tag_and_digest_with_its_comments_and_order_intact()
    {
        const string text = "# agent-bus, staging\nimage:\n  repository: ghcr.io/tefj-fun/agent_bus  # the one image\n  tag: \"v1.3.0\"   # set by slipway\n  digest: \"\"\nworkers:\n  tag: keep-me\n";

        var edited = GitOpsFileEditor.Apply(Values, text, V131);

        Assert.Equal(text.Replace("\"v1.3.0\"", "\"v1.3.1\"", StringComparison.Ordinal).Replace("digest: \"\"", $"digest: \"{V131.Digest}\"", StringComparison.Ordinal), edited);
        Assert.Equal(edited, GitOpsFileEditor.Apply(Values, edited, V131));
    }

    [Fact]
    public void An_unknown_digest_is_written_as_an_empty_string_so_the_key_stays()
    {
        var edited = GitOpsFileEditor.Apply(Values, "image:\n  tag: v1.3.0\n  digest: sha256:old\n", NoDigest);

        Assert.Equal("image:\n  tag: v1.3.1\n  digest: \"\"\n", edited);
    }

    [Fact]
    public void A_values_file_without_the_path_is_a_usage_error_naming_file_and_key()
    {
        var e = Assert.Throws<SlipwayException>(() => GitOpsFileEditor.Apply(Values, "image:\n  repository: x\n  tag: v1\n", V131));

        Assert.Equal(ExitCode.Usage, e.Error.Code);
        Assert.Equal("gitops: values.yaml: there is no image.digest in it; add image.digest: to values.yaml, or fix gitops.set in slipway.yml", e.Error.OneLine());
    }

    [Fact]
    public void A_kustomization_entry_gets_newTag_and_a_digest_line_is_added_at_its_indent()
    {
        var kustomize = Target(new GitOpsEdit { KustomizeImage = "ghcr.io/tefj-fun/agent_bus" }, "kustomization.yaml");
        const string text = "resources:\n  - deployment.yaml\nimages:\n  - name: redis # pinned by hand\n    newTag: \"7.2\"\n  - name: ghcr.io/tefj-fun/agent_bus\n    newTag: v1.3.0 # slipway\n# trailing comment\nnamespace: agent-bus\n";

        var edited = GitOpsFileEditor.Apply(kustomize, text, V131);

        Assert.Equal(text.Replace("    newTag: v1.3.0 # slipway\n", $"    digest: {V131.Digest}\n    newTag: v1.3.1 # slipway\n", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_kustomization_without_the_image_is_a_usage_error_naming_it()
    {
        var kustomize = Target(new GitOpsEdit { KustomizeImage = "ghcr.io/tefj-fun/agent_bus" }, "kustomization.yaml");

        var e = Assert.Throws<SlipwayException>(() => GitOpsFileEditor.Apply(kustomize, "images:\n- name: redis\n  newTag: '7'\n", V131));

        Assert.Equal(ExitCode.Usage, e.Error.Code);
        Assert.StartsWith("gitops: kustomization.yaml: no images: entry has name: ghcr.io/tefj-fun/agent_bus; add `- name: ghcr.io/tefj-fun/agent_bus`", e.Error.OneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Flux_setter_markers_of_the_policy_get_the_image_reference_or_the_tag_and_others_are_left_alone()
    {
        var flux = Target(new GitOpsEdit { FluxPolicy = "flux-system:agent-bus" }, "release.yaml");
        const string text = """
            spec:
              values:
                image: ghcr.io/tefj-fun/agent_bus:v1.3.0 # {"$imagepolicy": "flux-system:agent-bus"}
                tag: "v1.3.0" # {"$imagepolicy": "flux-system:agent-bus:tag"}
                sidecar: ghcr.io/acme/proxy:v2 # {"$imagepolicy": "flux-system:proxy"}
            """;

        var edited = GitOpsFileEditor.Apply(flux, text, NoDigest);

        Assert.Equal(text.Replace("agent_bus:v1.3.0", "agent_bus:v1.3.1", StringComparison.Ordinal).Replace("\"v1.3.0\"", "\"v1.3.1\"", StringComparison.Ordinal), edited);
        Assert.Contains("proxy:v2 #", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_setter_marker_is_a_usage_error_naming_the_policy()
    {
        var flux = Target(new GitOpsEdit { FluxPolicy = "flux-system:agent-bus" }, "release.yaml");

        var e = Assert.Throws<SlipwayException>(() => GitOpsFileEditor.Apply(flux, "image: ghcr.io/x:v1 # {\"$imagepolicy\": \"flux-system:other\"}\n", V131));

        Assert.Equal(ExitCode.Usage, e.Error.Code);
        Assert.Contains("release.yaml: no line has the setter marker # {\"$imagepolicy\": \"flux-system:agent-bus\"}", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revert_writes_back_the_values_before_the_change_and_keeps_what_others_changed_since()
    {
        const string before = "image:\n  tag: v1.3.0 # slipway\n  digest: \"\"\nreplicas: 2\n";
        var after = GitOpsFileEditor.Apply(Values, before, NoDigest);
        var current = after.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal);

        Assert.Equal("image:\n  tag: v1.3.0 # slipway\n  digest: \"\"\nreplicas: 3\n", GitOpsFileEditor.Revert(Values, current, before, after));
        Assert.Null(GitOpsFileEditor.Revert(Values, before, before, after));
    }

    [Fact]
    public void The_commit_message_names_the_version_and_the_ledger_record()
    {
        var message = GitOpsCommit.Message("staging", "1.3.1", DeploymentAction.Deploy, "4f2c1ab0d9e8f7a6", Values);

        Assert.Equal("deploy(staging): 1.3.1\n\nSets image.tag, image.digest in values.yaml.\n\nSlipway-Deployment: 4f2c1ab0d9e8f7a6\nSlipway-Environment: staging\nSlipway-Version: 1.3.1\n", message);
    }

    [Theory]
    [InlineData("Synced", "abc", "Healthy", ArgoCdState.Ready)]
    [InlineData("Synced", "abc", "Progressing", ArgoCdState.Waiting)]
    [InlineData("Synced", "old", "Healthy", ArgoCdState.Waiting)]
    [InlineData("OutOfSync", "abc", "Healthy", ArgoCdState.Waiting)]
    [InlineData("Synced", "abc", "Degraded", ArgoCdState.Failed)]
    [InlineData("Synced", "old", "Degraded", ArgoCdState.Waiting)]
    public void Argo_CD_is_ready_when_synced_to_the_pushed_commit_and_healthy(string sync, string revision, string health, ArgoCdState expected) =>
        Assert.Equal(expected, ArgoCdVerdict.Of("abc", sync, revision, health));
}
