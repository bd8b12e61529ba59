using Microsoft.Playwright;

namespace Syndicate.Tests.Cli.Report;

/// <summary>
/// A fact that drives the system's Chromium (Debian's <c>chromium</c> package, or where <c>SYNDICATE_CHROMIUM</c>
/// points). Without it the test is reported as skipped, never passed; no browser is ever downloaded.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.ExecutablePath is null)
        {
            Skip = "needs a Chromium executable (apt-get install chromium, or set SYNDICATE_CHROMIUM)";
        }
    }
}

/// <summary>One headless Chromium for a test class, launched through Playwright on first use.</summary>
public sealed class Chromium : IAsyncLifetime
{
    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser executable, or null when the machine has none.</summary>
    public static string? ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("SYNDICATE_CHROMIUM") is { Length: > 0 } configured
            ? (File.Exists(configured) ? configured : null)
            : s_candidates.FirstOrDefault(File.Exists);

    /// <summary>A fresh page (its own context) of the shared browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        IBrowser browser = await BrowserAsync().ConfigureAwait(false);
        IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = true,
        }).ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath ?? throw new InvalidOperationException("no Chromium executable"),
                    Headless = true,
                    // Chromium refuses to start its sandbox as root (as in a CI container).
                    Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
                }).ConfigureAwait(false);
            }

            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }
}
