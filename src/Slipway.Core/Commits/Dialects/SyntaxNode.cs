namespace Slipway.Core.Commits.Dialects;

/// <summary>A node of @conventional-commits/parser's syntax tree (kind "summary", "type", "footer", ...): a value or children.</summary>
public sealed class SyntaxNode(string kind, string value = "", List<SyntaxNode>? children = null)
{
    public string Kind { get; } = kind;

    public string Value { get; set; } = value;

    public List<SyntaxNode> Children { get; } = children ?? [];

    /// <summary>Pre-order walk (unist-util-visit's order) with each node's parent.</summary>
    public IEnumerable<(SyntaxNode Node, SyntaxNode? Parent)> Walk(SyntaxNode? parent = null)
    {
        yield return (this, parent);
        foreach (var child in Children)
        {
            foreach (var pair in child.Walk(this))
            {
                yield return pair;
            }
        }
    }
}
