using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// How every template runs. Scriban writes values as they are (its maintainers declined to escape by default), so
/// this context escapes each <c>{{ value }}</c> through <see cref="HtmlEscaper"/>, writes template text as is, and
/// lets markup through only when <c>raw</c> vouches for it — and <c>raw</c> vouches only for <see cref="HtmlMarkup"/>
/// the renderer built. An included partial's output is already escaped, so it is written once, as is.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public const string RawFunction = "raw";
    public const string IncludeFunction = "include";

    /// <summary>
    /// Scriban's builtins and ours, made once and read-only: every host report of a fleet renders with the same ones
    /// instead of building them again (a tenth of a host's HTML time).
    /// </summary>
    private static readonly ScriptObject SharedBuiltins = Frozen(GetDefaultBuiltinObject());

    private static readonly ScriptObject SharedFunctions = Frozen(Functions());

    /// <summary>
    /// How the model's types are read, shared by every context: an accessor holds its type's properties, so they are
    /// looked up once, not once per report (and the runtime keeps what it learnt about them).
    /// </summary>
    private static readonly ConcurrentDictionary<Type, IObjectAccessor?> Accessors = new();

    public HtmlTemplateContext(ITemplateLoader loader, IReadOnlyDictionary<string, Template> partials, object model)
        : base(SharedBuiltins)
    {
        // Strict: a misspelt name fails naming its file, line and column instead of rendering as nothing.
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedIndexerAccess = false;

        // No caps: the defaults (1,000 loop iterations, 1 MiB of text) would throw or cut "..." into a large fleet's
        // page. Templates are ours or the user's own, not an untrusted party's, so only true recursion is bounded.
        LoopLimit = 0;
        LimitToString = 0;
        RecursiveLimit = 100;
        ObjectRecursionLimit = 20;

        // The model's own names, as the C# records spell them: {{ Report.Cover.Title }}.
        MemberRenamer = member => member.Name;
        TemplateLoader = loader;
        foreach (var (path, template) in partials)
        {
            CachedTemplates[path] = template;
        }

        PushGlobal(SharedFunctions);

        var page = new ScriptObject();
        page.Import(model, renamer: MemberRenamer);
        PushGlobal(page);
        PushCulture(CultureInfo.InvariantCulture);
    }

    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        target is IScriptObject ? base.GetMemberAccessorImpl(target) : Accessors.GetOrAdd(target.GetType(), _ => base.GetMemberAccessorImpl(target));

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        Trusted trusted => Write(trusted.Html),
        _ => Write(HtmlEscaper.Escape(ObjectToString(textAsObject) ?? "")),
    };

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => ValueTask.FromResult<TemplateContext>(this),
        Trusted trusted => WriteAsync(trusted.Html),
        _ => WriteAsync(HtmlEscaper.Escape(ObjectToString(textAsObject) ?? "")),
    };

    /// <summary>As in Handlebars: nothing, false, zero, empty text and an empty list are false.</summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        string text => text.Length > 0,
        int number => number != 0,
        ICollection list => list.Count > 0,
        _ => base.ToBool(span, value),
    };

    private static ScriptObject Functions()
    {
        var functions = new ScriptObject();
        functions.SetValue(RawFunction, new Raw(), readOnly: true);
        functions.SetValue(IncludeFunction, new EscapedInclude(), readOnly: true);
        TemplateFunctions.Import(functions);
        return functions;
    }

    /// <summary>A shared object no template can change, down to the function groups inside it (<c>string</c>, <c>array</c>…).</summary>
    private static ScriptObject Frozen(ScriptObject shared)
    {
        foreach (var value in shared.Values.OfType<ScriptObject>())
        {
            Frozen(value);
        }

        shared.IsReadOnly = true;
        return shared;
    }

    /// <summary>Output that is already HTML: what <c>raw</c> let through, or a partial this context escaped.</summary>
    private sealed record Trusted(string Html);

    /// <summary><c>raw Css</c>: one argument, which must be markup the renderer built.</summary>
    private sealed class Raw : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(object);

        // Taken as any object so that text handed to raw meets the message below, not a conversion error.
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "markup");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            arguments.Count == 1 && arguments[0] is HtmlMarkup markup
                ? new Trusted(markup.Html)
                : throw new ScriptRuntimeException(callerContext?.Span ?? default,
                    "raw writes only markup the renderer built (Css, Script); this value is text from the report and must be escaped");

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>Scriban's <c>include</c>, its output marked as already escaped so it is not escaped a second time.</summary>
    private sealed class EscapedInclude : IScriptCustomFunction
    {
        private readonly Scriban.Functions.IncludeFunction _include = new();

        public int RequiredParameterCount => _include.RequiredParameterCount;
        public int ParameterCount => _include.ParameterCount;
        public ScriptVarParamKind VarParamKind => _include.VarParamKind;
        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new Trusted(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new Trusted(await _include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false) as string ?? "");
    }
}
