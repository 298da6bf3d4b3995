namespace PortCompliance.Core.Model;

/// <summary>How every output writes a socket's address: <c>0.0.0.0:22</c>, <c>[::]:22</c>, <c>0.0.0.0%lo:9100</c>, <c>*:68</c>.</summary>
public static class Endpoints
{
    public static string Format(string address, string? device, int port)
    {
        var shown = address.Contains(':') ? $"[{address}]" : address;
        return device is null ? $"{shown}:{port}" : $"{shown}%{device}:{port}";
    }
}
