namespace Slipway.Tests.Fixtures;

/// <summary>Waits for a condition with a deadline (never a bare sleep).</summary>
public static class Wait
{
    public static void Until(Func<bool> condition, TimeSpan deadline, string what)
    {
        var end = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > end)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            Thread.Sleep(50);
        }
    }
}
