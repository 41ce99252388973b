using System.Globalization;
using System.Text;

namespace Analytics.TestSupport.Salesforce.Soql;

/// <summary>
/// Parses <c>SELECT f1, Parent.f2 | COUNT() FROM X [WHERE cond] [ORDER BY f [ASC|DESC], …] [LIMIT n]</c>; conditions
/// <c>= != &lt;&gt; &lt; &lt;= &gt; &gt;= IN NOT IN</c>, AND, OR, NOT, parentheses; literals 'text' (with \' escapes),
/// numbers, true/false/null, unquoted datetimes and dates.
/// </summary>
internal sealed class SoqlParser
{
    private readonly List<string> _tokens;
    private readonly List<bool> _quoted;
    private int _at;

    private SoqlParser(string soql)
    {
        (_tokens, _quoted) = Tokenise(soql);
    }

    public static SoqlQuery Parse(string soql)
    {
        ArgumentNullException.ThrowIfNull(soql);
        return new SoqlParser(soql).Query();
    }

    private SoqlQuery Query()
    {
        Expect("SELECT");
        var select = new List<string>();
        var isCount = false;
        do
        {
            if (PeekKeyword("COUNT") && Peek(1) == "(")
            {
                _at++;
                Expect("(");
                Expect(")");
                isCount = true;
            }
            else
            {
                select.Add(Identifier("a field"));
            }
        }
        while (TryTake(","));

        if (isCount && select.Count > 0)
        {
            throw Malformed("COUNT() cannot be mixed with fields");
        }

        Expect("FROM");
        var from = Identifier("an object");
        SoqlCondition? where = null;
        if (TryTakeKeyword("WHERE"))
        {
            where = Or();
        }

        var order = new List<SoqlOrder>();
        if (TryTakeKeyword("ORDER"))
        {
            Expect("BY");
            do
            {
                var path = Identifier("a field");
                var descending = TryTakeKeyword("DESC");
                if (!descending)
                {
                    TryTakeKeyword("ASC");
                }

                order.Add(new SoqlOrder(path, descending));
            }
            while (TryTake(","));
        }

        int? limit = null;
        if (TryTakeKeyword("LIMIT"))
        {
            var text = Next("a number");
            limit = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Malformed($"unexpected token: '{text}'");
        }

        if (_at < _tokens.Count)
        {
            throw Malformed($"unexpected token: '{_tokens[_at]}'");
        }

        return new SoqlQuery(select, isCount, from, where, order, limit);
    }

    private SoqlCondition Or()
    {
        var left = And();
        while (TryTakeKeyword("OR"))
        {
            left = new SoqlOr(left, And());
        }

        return left;
    }

    private SoqlCondition And()
    {
        var left = Unary();
        while (TryTakeKeyword("AND"))
        {
            left = new SoqlAnd(left, Unary());
        }

        return left;
    }

    private SoqlCondition Unary()
    {
        if (TryTakeKeyword("NOT"))
        {
            return new SoqlNot(Unary());
        }

        if (TryTake("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        var path = Identifier("a field");
        if (TryTakeKeyword("NOT"))
        {
            Expect("IN");
            return new SoqlIn(path, List(), Negated: true);
        }

        if (TryTakeKeyword("IN"))
        {
            return new SoqlIn(path, List(), Negated: false);
        }

        var op = Next("an operator");
        if (op is not ("=" or "!=" or "<>" or "<" or "<=" or ">" or ">="))
        {
            throw Malformed($"unexpected token: '{op}'");
        }

        return new SoqlComparison(path, op == "<>" ? "!=" : op, Literal());
    }

    private List<object?> List()
    {
        Expect("(");
        var values = new List<object?>();
        do
        {
            values.Add(Literal());
        }
        while (TryTake(","));
        Expect(")");
        return values;
    }

    private object? Literal()
    {
        var quoted = _at < _quoted.Count && _quoted[_at];
        var text = Next("a value");
        if (quoted)
        {
            return text;
        }

        if (text.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return text.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        if (SoqlValues.TryParseDateTime(text, out var dateTime))
        {
            return dateTime;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw Malformed($"unexpected token: '{text}'");
    }

    private string Identifier(string what)
    {
        var text = Next(what);
        if (_quoted[_at - 1] || text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_') || text.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '.')))
        {
            throw Malformed($"unexpected token: '{text}', expected {what}");
        }

        return text;
    }

    private string? Peek(int ahead = 0) => _at + ahead < _tokens.Count ? _tokens[_at + ahead] : null;

    private bool PeekKeyword(string keyword) =>
        _at < _tokens.Count && !_quoted[_at] && _tokens[_at].Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private bool TryTakeKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        _at++;
        return true;
    }

    private bool TryTake(string symbol) => TryTakeKeyword(symbol);

    private void Expect(string keyword)
    {
        if (!TryTakeKeyword(keyword))
        {
            throw Malformed(_at < _tokens.Count ? $"unexpected token: '{_tokens[_at]}', expected {keyword}" : $"unexpected end of query, expected {keyword}");
        }
    }

    private string Next(string what) =>
        _at < _tokens.Count ? _tokens[_at++] : throw Malformed($"unexpected end of query, expected {what}");

    private static SoqlException Malformed(string message) => new("MALFORMED_QUERY", message);

    private static (List<string> Tokens, List<bool> Quoted) Tokenise(string soql)
    {
        var tokens = new List<string>();
        var quoted = new List<bool>();
        var i = 0;
        while (i < soql.Length)
        {
            var c = soql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= soql.Length)
                    {
                        throw Malformed("unterminated string literal");
                    }

                    if (soql[i] == '\\' && i + 1 < soql.Length)
                    {
                        text.Append(soql[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                        i += 2;
                    }
                    else if (soql[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        text.Append(soql[i++]);
                    }
                }

                tokens.Add(text.ToString());
                quoted.Add(true);
            }
            else if (c is '(' or ')' or ',' or '=')
            {
                tokens.Add(c.ToString());
                quoted.Add(false);
                i++;
            }
            else if (c is '<' or '>' or '!')
            {
                var two = i + 1 < soql.Length ? soql.Substring(i, 2) : null;
                var op = two is "<=" or ">=" or "!=" or "<>" ? two : c.ToString();
                if (op == "!")
                {
                    throw Malformed("unexpected token: '!'");
                }

                tokens.Add(op);
                quoted.Add(false);
                i += op.Length;
            }
            else
            {
                var start = i;
                while (i < soql.Length && !char.IsWhiteSpace(soql[i]) && soql[i] is not ('(' or ')' or ',' or '=' or '<' or '>' or '!' or '\''))
                {
                    i++;
                }

                tokens.Add(soql[start..i]);
                quoted.Add(false);
            }
        }

        return (tokens, quoted);
    }
}
