var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "LatentWorkbench");
app.Run();

/// <summary>Entry point, visible to the API tests.</summary>
public partial class Program;
