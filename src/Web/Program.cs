using LatentWorkbench.Web;


var builder = WebApplication.CreateBuilder(args);
builder.AddLatentWorkbench();

var app = builder.Build();
app.UseLatentWorkbenchPipeline();
app.MapWorkbenchApis();
app.MapWorkbenchPages();
app.Run();

/// <summary>Entry point, visible to the API tests.</summary>
public partial class Program;
