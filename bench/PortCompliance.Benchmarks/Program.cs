using BenchmarkDotNet.Running;

namespace PortCompliance.Benchmarks;

/// <summary><c>dotnet run -c Release --project bench/PortCompliance.Benchmarks -- --filter '*'</c></summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
