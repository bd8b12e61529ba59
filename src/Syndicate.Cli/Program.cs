namespace Syndicate.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("syndicate");
        return 0;
    }
}
