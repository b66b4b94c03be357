namespace Slipway.Core.Setup;

/// <summary>What both generated workflows share: the Action that installs Slipway, pinned to a major version, and the exact tool version it installs.</summary>
public sealed record WorkflowSettings(string ActionReference, string ToolVersion)
{
    public static WorkflowSettings For(string toolVersion) =>
        new(SlipwayProject.ActionReference(toolVersion), SlipwayProject.WithoutBuildMetadata(toolVersion));

    /// <summary>GitHub's filter patterns for version tags with each prefix (v*.*.*).</summary>
    public static IReadOnlyList<string> TagPatterns(IReadOnlyList<string> prefixes) =>
        prefixes.Select(p => p.Length == 0 ? "[0-9]*.[0-9]*.[0-9]*" : $"{p}*.*.*").ToList();

    /// <summary>The steps that check out the whole history (Slipway refuses a shallow clone) and install Slipway.</summary>
    public string CheckoutAndInstall(string indent) =>
        $$$"""
        {{{indent}}}- uses: actions/checkout@v4
        {{{indent}}}  with:
        {{{indent}}}    fetch-depth: 0   # every tag and commit: the version is computed from them
        {{{indent}}}- name: Install Slipway
        {{{indent}}}  uses: {{{ActionReference}}}
        {{{indent}}}  with:
        {{{indent}}}    version: {{{YamlText.Quote(ToolVersion)}}}

        """;

    /// <summary>Helm and the cluster's kubeconfig (the seed's base64 secret KUBECONFIG) for a job that deploys.</summary>
    public static string ClusterAccess(string indent) =>
        $$$"""
        {{{indent}}}- uses: azure/setup-helm@v4
        {{{indent}}}- name: Cluster access
        {{{indent}}}  # The seed's way: a base64 kubeconfig in the secret KUBECONFIG. Use your cloud's login action instead if you have one.
        {{{indent}}}  env:
        {{{indent}}}    KUBECONFIG_DATA: ${{ secrets.KUBECONFIG }}
        {{{indent}}}  run: |
        {{{indent}}}    umask 077
        {{{indent}}}    printf '%s' "$KUBECONFIG_DATA" | base64 -d > "$RUNNER_TEMP/kubeconfig"
        {{{indent}}}    echo "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"

        """;
}
