namespace Slipway.Core.Commits.Dialects;

/// <summary>
/// A port of @conventional-commits/parser 0.4.1 (release-please's parser), rule for rule, so its quirks come along:
/// leading whitespace is trimmed, "feat:x" parses, "feat():" does not, a scope left open throws even in a footer,
/// and a body ends where the rest of the message parses as footers.
/// </summary>
public sealed class ConventionalCommitsGrammar
{
    private readonly string _text;
    private int _pos;

    private ConventionalCommitsGrammar(string text) => _text = text;

    /// <summary>The syntax tree of a message, or null when the parser would throw.</summary>
    public static SyntaxNode? TryParse(string message)
    {
        try
        {
            // JavaScript's trim() also removes the byte-order mark, which .NET does not count as white space.
            return new ConventionalCommitsGrammar(message.Trim().Trim('\uFEFF').Trim()).Message();
        }
        catch (GrammarException)
        {
            return null;
        }
    }

    // <message> ::= <summary>, <newline>+, <body>, (<newline>+, <footer>)* | <summary>, (<newline>+, <footer>)* | <summary>, <newline>*
    private SyntaxNode Message()
    {
        var node = new SyntaxNode("message");
        node.Children.Add(Summary() ?? throw new GrammarException());
        if (Eof)
        {
            return node;
        }

        node.Children.Add(Newline() ?? throw new GrammarException());
        var body = Body();
        if (body is not null)
        {
            node.Children.Add(body);
        }

        if (Eof)
        {
            return node;
        }

        if (body is not null)
        {
            node.Children.Add(Newline() ?? throw new GrammarException());
        }

        while (!Eof)
        {
            var footer = Footer();
            if (footer is null)
            {
                break;
            }

            node.Children.Add(footer);
            var nl = Newline();
            if (nl is null)
            {
                break;
            }

            node.Children.Add(nl);
        }

        return node;
    }

    // <summary> ::= <type> "(" <scope> ")" ["!"] ":" <whitespace>* <text> | <type> ["!"] ":" <whitespace>* <text>
    private SyntaxNode? Summary()
    {
        var start = _pos;
        var node = new SyntaxNode("summary");
        var type = Type();
        if (type is null)
        {
            return null;
        }

        node.Children.Add(type);
        AddIfAny(node, Scope());
        AddIfAny(node, BreakingChange(allowBang: true));
        var separator = Separator();
        if (separator is null)
        {
            _pos = start;
            return null;
        }

        node.Children.Add(separator);
        AddIfAny(node, Whitespace());
        node.Children.Add(Text());
        return node;
    }

    // <type> ::= 1*<any UTF8-octets except newline or parens or ["!"] ":" or whitespace>
    private SyntaxNode? Type()
    {
        var start = _pos;
        while (!Eof && Peek() is var c && !IsParens(c) && !IsWhitespace(c) && !IsNewline(c) && c != '!' && c != ':')
        {
            _pos++;
        }

        return _pos == start ? null : new SyntaxNode("type", _text[start.._pos]);
    }

    // <text> ::= 1*<any UTF8-octets except newline>
    private SyntaxNode Text()
    {
        var start = _pos;
        while (!Eof && !IsNewline(Peek()))
        {
            _pos++;
        }

        return new SyntaxNode("text", _text[start.._pos]);
    }

    // "(" <scope> ")" ::= 1*<any UTF8-octets except newline or parens>; an unterminated scope throws.
    private SyntaxNode? Scope()
    {
        if (Eof || Peek() != '(')
        {
            return null;
        }

        _pos++;
        var start = _pos;
        while (!Eof && !IsParens(Peek()) && !IsNewline(Peek()))
        {
            _pos++;
        }

        if (Eof || Peek() != ')')
        {
            throw new GrammarException();
        }

        var value = _text[start.._pos];
        _pos++;
        if (value.Length == 0)
        {
            // The parser rewinds to just after "(", leaving ")" to fail what follows.
            _pos = start;
            return null;
        }

        return new SyntaxNode("scope", value);
    }

    // <body> ::= [<any body-text except pre-footer>], <newline>, <body>* | [<any body-text except pre-footer>]
    private SyntaxNode? Body()
    {
        var start = _pos;
        if (PreFooter())
        {
            _pos = start;
            return null;
        }

        var node = new SyntaxNode("body");
        var marker = BreakingChange(allowBang: false);
        if (marker is not null && !Eof && Peek() == ':')
        {
            node.Children.Add(marker);
            node.Children.Add(Separator()!);
            AddIfAny(node, Whitespace());
        }

        node.Children.Add(Text());
        var beforeNewline = _pos;
        var nl = Newline();
        if (nl is not null)
        {
            var more = Body();
            if (more is null)
            {
                _pos = beforeNewline;
            }
            else
            {
                node.Children.Add(nl);
                node.Children.AddRange(more.Children);
            }
        }

        return node;
    }

    // <newline>*, <footer>+ up to the end: succeeds only when the rest of the message is footers.
    private bool PreFooter()
    {
        var start = _pos;
        while (!Eof)
        {
            Newline();
            if (Footer() is null)
            {
                _pos = start;
                return false;
            }
        }

        return true;
    }

    // <footer> ::= <token> <separator> <whitespace>* <value>
    private SyntaxNode? Footer()
    {
        var start = _pos;
        var token = Token();
        if (token is null)
        {
            return null;
        }

        var separator = Separator();
        if (separator is null)
        {
            _pos = start;
            return null;
        }

        var node = new SyntaxNode("footer", children: [token, separator]);
        AddIfAny(node, Whitespace());
        node.Children.Add(Value());
        return node;
    }

    // <token> ::= <breaking-change> | <type>, "(" <scope> ")", ["!"] | <type>
    private SyntaxNode? Token()
    {
        var breaking = BreakingChange(allowBang: true);
        if (breaking is not null)
        {
            return new SyntaxNode("token", children: [breaking]);
        }

        var type = Type();
        if (type is null)
        {
            return null;
        }

        var node = new SyntaxNode("token", children: [type]);
        AddIfAny(node, Scope());
        AddIfAny(node, BreakingChange(allowBang: true));
        return node;
    }

    // <breaking-change> ::= "!" | "BREAKING CHANGE" | "BREAKING-CHANGE" ("!" not in a body)
    private SyntaxNode? BreakingChange(bool allowBang)
    {
        if (!Eof && Peek() == '!' && allowBang)
        {
            _pos++;
            return new SyntaxNode("breaking-change", "!");
        }

        foreach (var literal in (ReadOnlySpan<string>)["BREAKING CHANGE", "BREAKING-CHANGE"])
        {
            if (_pos + literal.Length <= _text.Length && string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) == 0)
            {
                _pos += literal.Length;
                return new SyntaxNode("breaking-change", literal);
            }
        }

        return null;
    }

    // <value> ::= <text> <continuation>*
    private SyntaxNode Value()
    {
        var node = new SyntaxNode("value", children: [Text()]);
        while (Continuation() is { } continuation)
        {
            node.Children.Add(continuation);
        }

        return node;
    }

    // <continuation> ::= <newline> <whitespace> <text>
    private SyntaxNode? Continuation()
    {
        var start = _pos;
        var nl = Newline();
        if (nl is null)
        {
            return null;
        }

        var ws = Whitespace();
        if (ws is null)
        {
            _pos = start;
            return null;
        }

        return new SyntaxNode("continuation", children: [nl, ws, Text()]);
    }

    // <separator> ::= ":" | " #"
    private SyntaxNode? Separator()
    {
        if (!Eof && Peek() == ':')
        {
            _pos++;
            return new SyntaxNode("separator", ":");
        }

        if (_pos + 1 < _text.Length && _text[_pos] == ' ' && _text[_pos + 1] == '#')
        {
            _pos += 2;
            return new SyntaxNode("separator", " #");
        }

        return null;
    }

    private SyntaxNode? Whitespace()
    {
        var start = _pos;
        while (!Eof && IsWhitespace(Peek()))
        {
            _pos++;
        }

        return _pos == start ? null : new SyntaxNode("whitespace", _text[start.._pos]);
    }

    // <newline>+ ::= [<CR>], <LF> — any run of CR and LF characters.
    private SyntaxNode? Newline()
    {
        var start = _pos;
        while (!Eof && IsNewline(Peek()))
        {
            _pos++;
        }

        return _pos == start ? null : new SyntaxNode("newline", _text[start.._pos]);
    }

    private bool Eof => _pos >= _text.Length;

    private char Peek() => _text[_pos];

    private static void AddIfAny(SyntaxNode node, SyntaxNode? child)
    {
        if (child is not null)
        {
            node.Children.Add(child);
        }
    }

    private static bool IsParens(char c) => c is '(' or ')';

    private static bool IsNewline(char c) => c is '\r' or '\n';

    // ZWNBSP, TAB, VT, FF, SP, NBSP.
    private static bool IsWhitespace(char c) => c is '\uFEFF' or '\t' or '\v' or '\f' or ' ' or '\u00A0';

    private sealed class GrammarException : Exception;
}
