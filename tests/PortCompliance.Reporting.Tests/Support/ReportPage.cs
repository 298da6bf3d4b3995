using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>The report open in one browser page, with what went wrong while it was open.</summary>
internal sealed class ReportPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>Every URL the page asked for, whether or not it was allowed.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Console errors, uncaught exceptions and dialogs, in the order they happened.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public void Record(string? problem)
    {
        if (problem is not null)
        {
            Problems.Enqueue(problem);
        }
    }

    /// <summary>How many elements match <paramref name="selector"/> and are rendered.</summary>
    public Task<int> VisibleAsync(string selector) =>
        Page.EvaluateAsync<int>("s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility()).length", selector);

    /// <summary>The text of every rendered match, in page order.</summary>
    public Task<string[]> VisibleTextsAsync(string selector) =>
        Page.EvaluateAsync<string[]>("s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility()).map(e => e.textContent.trim())", selector);

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
