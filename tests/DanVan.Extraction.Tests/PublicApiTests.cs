using System.Reflection;
using System.Text;

namespace DanVan.Extraction.Tests;

/// <summary>
/// The library's public surface is recorded in src/DanVan.Extraction/PublicAPI.txt; a change to the
/// surface fails here until that file changes with it (a visible diff in review). To accept a change:
/// <c>DANVAN_UPDATE_PUBLIC_API=1 dotnet test --filter PublicApiTests</c>.
/// </summary>
public class PublicApiTests
{
    private static string ApiFile => Path.Combine(RepoPaths.Root, "src", "DanVan.Extraction", "PublicAPI.txt");

    [Fact]
    public void Public_surface_matches_the_checked_in_file()
    {
        var actual = Describe(typeof(DanVan.Extraction.Records.MeetingExtractor).Assembly);
        if (Environment.GetEnvironmentVariable("DANVAN_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(ApiFile, actual);
        }

        var expected = File.Exists(ApiFile) ? File.ReadAllText(ApiFile).ReplaceLineEndings("\n") : string.Empty;
        var added = actual.Split('\n').Except(expected.Split('\n')).ToList();
        var removed = expected.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"The public surface changed; update PublicAPI.txt (DANVAN_UPDATE_PUBLIC_API=1).\nadded:\n  {string.Join("\n  ", added)}\nremoved:\n  {string.Join("\n  ", removed)}");
    }

    [Fact]
    public void Describes_members_with_their_signatures()
    {
        var text = Describe(typeof(DanVan.Extraction.Records.MeetingExtractor).Assembly);
        Assert.Contains("class DanVan.Extraction.Records.MeetingExtractor", text, StringComparison.Ordinal);
        Assert.Contains("  method static DanVan.Extraction.Records.MeetingExtractor CreateDefault()", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MeetingRecordBuilder", text, StringComparison.Ordinal);
    }

    internal static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {Name(type)}{Bases(type)}");
            var members = new List<string>();
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                switch (member)
                {
                    case ConstructorInfo c when !type.IsEnum:
                        members.Add($"  ctor({Parameters(c)})");
                        break;
                    case MethodInfo m when !m.IsSpecialName:
                        members.Add($"  method {(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})");
                        break;
                    case PropertyInfo p:
                        var accessors = (p.GetMethod?.IsPublic == true ? "get;" : string.Empty) + (p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init;" : "set;") : string.Empty);
                        var index = p.GetIndexParameters();
                        members.Add($"  property {(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {(index.Length > 0 ? "this[" + string.Join(", ", index.Select(i => Name(i.ParameterType))) + "]" : p.Name)} {{ {accessors} }}");
                        break;
                    case FieldInfo f when type.IsEnum && f.IsStatic:
                        members.Add($"  value {f.Name}");
                        break;
                    case FieldInfo f:
                        members.Add($"  field {(f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}");
                        break;
                    case EventInfo e:
                        members.Add($"  event {Name(e.EventHandlerType!)} {e.Name}");
                        break;
                }
            }

            lines.AddRange(type.IsEnum ? members : members.Order(StringComparer.Ordinal));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? (t.IsByRefLike ? "ref struct" : "struct") : (t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class");

    private static string Bases(Type t)
    {
        if (t.IsEnum)
        {
            return string.Empty;
        }

        var bases = new List<string>();
        if (t.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(t.GetInterfaces().Where(i => i.IsPublic && !i.Name.StartsWith("IEquatable", StringComparison.Ordinal)).Select(Name).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static string Generic(MethodInfo m) => m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase m) =>
        string.Join(", ", m.GetParameters().Select(p => (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty) + Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)));

    private static string Name(Type t)
    {
        if (t.IsByRef)
        {
            return Name(t.GetElementType()!);
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (t.IsGenericParameter)
        {
            return t.Name;
        }

        var name = (t.IsNested ? Name(t.DeclaringType!) + "." : t.Namespace + ".") + (t.IsGenericType ? t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)] : t.Name);
        if (t.IsGenericType)
        {
            var builder = new StringBuilder(name).Append('<');
            builder.AppendJoin(", ", t.GetGenericArguments().Select(Name));
            name = builder.Append('>').ToString();
        }

        return name;
    }
}
