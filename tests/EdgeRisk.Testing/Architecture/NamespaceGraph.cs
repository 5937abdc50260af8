using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace EdgeRisk.Testing.Architecture;

/// <summary>
/// Which namespace of a compiled assembly uses which, read from the assembly's metadata and IL: base types, interfaces,
/// field, method and local signatures, and every type, method and field a method body names (compiler-generated closures
/// and state machines count for the type that declares them). Only the assembly's own types under <c>rootNamespace</c>
/// are nodes, so a cycle found here is one a reader of the source would walk into.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges;

    private NamespaceGraph(Dictionary<string, Dictionary<string, string>> edges) => _edges = edges;

    /// <summary>The namespaces that use another namespace of the assembly, each with the namespaces it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Edges =>
        _edges.ToDictionary(e => e.Key, e => (IReadOnlyCollection<string>)e.Value.Keys.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Reads the graph of the assembly file at <paramref name="assemblyPath"/>. What the types named in
    /// <paramref name="exempt"/> (full names) use is left out: a deliberate entry point, stated where it is exempted.
    /// </summary>
    public static NamespaceGraph Load(string assemblyPath, string rootNamespace, params string[] exempt)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return new Reader(pe, rootNamespace, exempt.ToHashSet(StringComparer.Ordinal)).Read();
    }

    /// <summary>Reads the graph of <paramref name="assembly"/>; the root namespace is the assembly's name.</summary>
    public static NamespaceGraph Load(Assembly assembly, params string[] exempt) => Load(assembly.Location, assembly.GetName().Name!, exempt);

    /// <summary>
    /// Every group of namespaces that reach each other (strongly connected, more than one namespace), each line naming the
    /// namespaces and one use that ties them: <c>A -> B (A.Type uses B.Type)</c>. Empty when the graph has no cycle.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var ties = component.Order(StringComparer.Ordinal)
                .SelectMany(from => _edges[from].Where(e => members.Contains(e.Key))
                    .OrderBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => $"{from} -> {e.Key} ({e.Value})"));
            cycles.Add(string.Join("; ", ties));
        }
        return cycles;
    }

    private List<List<string>> StronglyConnected()
    {
        // Tarjan's algorithm; the graphs are a few dozen namespaces, so recursion depth is no concern.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges.TryGetValue(node, out var targets) ? targets.Keys.ToArray() : [])
            {
                if (!index.TryGetValue(next, out var seen)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (onStack.Contains(next)) low[node] = Math.Min(low[node], seen);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
            result.Add(component);
        }
        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal).ToArray())
            if (!index.ContainsKey(node)) Visit(node);
        return result;
    }

    private sealed class Reader(PEReader pe, string rootNamespace, HashSet<string> exempt) : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

        private readonly MetadataReader _md = pe.GetMetadataReader();
        private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

        public NamespaceGraph Read()
        {
            foreach (var handle in _md.TypeDefinitions)
            {
                var owner = Outermost(handle);
                if (!Counts(owner) || exempt.Contains(Namespace(owner) + "." + Name(owner))) continue;
                foreach (var used in Uses(handle)) Add(owner, used);
            }
            return new NamespaceGraph(_edges);
        }

        private bool Counts(TypeDefinitionHandle type)
        {
            var ns = Namespace(type);
            return ns == rootNamespace || ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal);
        }

        private void Add(TypeDefinitionHandle owner, TypeDefinitionHandle used)
        {
            used = Outermost(used);
            if (!Counts(used)) return;
            string from = Namespace(owner), to = Namespace(used);
            if (from == to) return;
            if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new(StringComparer.Ordinal);
            targets.TryAdd(to, $"{Name(owner)} uses {Name(used)}");
        }

        private IEnumerable<TypeDefinitionHandle> Uses(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            foreach (var t in Entity(type.BaseType)) yield return t;
            foreach (var i in type.GetInterfaceImplementations())
                foreach (var t in Entity(_md.GetInterfaceImplementation(i).Interface)) yield return t;
            foreach (var f in type.GetFields())
                foreach (var t in _md.GetFieldDefinition(f).DecodeSignature(this, null)) yield return t;
            foreach (var m in type.GetMethods())
            {
                var method = _md.GetMethodDefinition(m);
                var signature = method.DecodeSignature(this, null);
                foreach (var t in signature.ParameterTypes.Prepend(signature.ReturnType).SelectMany(p => p)) yield return t;
                if (method.RelativeVirtualAddress == 0) continue;
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                    foreach (var t in _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null).SelectMany(l => l))
                        yield return t;
                foreach (var token in Tokens(body.GetILReader()))
                    foreach (var t in Entity(token)) yield return t;
            }
        }

        private static IEnumerable<EntityHandle> Tokens(BlobReader il)
        {
            var tokens = new List<EntityHandle>();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
                switch (Operands[code])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                        tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    default: // InlineBrTarget, InlineI, ShortInlineR, InlineString, InlineSig
                        il.Offset += 4;
                        break;
                }
            }
            return tokens;
        }

        private ImmutableArray<TypeDefinitionHandle> Entity(EntityHandle handle)
        {
            if (handle.IsNil) return [];
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [(TypeDefinitionHandle)handle];
                case HandleKind.TypeSpecification:
                    return _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                    return [_md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()];
                case HandleKind.FieldDefinition:
                    return [_md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()];
                case HandleKind.MethodSpecification:
                    var spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return [.. Entity(spec.Method), .. spec.DecodeSignature(this, null).SelectMany(t => t)];
                case HandleKind.MemberReference:
                    var member = _md.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = Entity(member.Parent);
                    return member.GetKind() == MemberReferenceKind.Field
                        ? [.. parent, .. member.DecodeFieldSignature(this, null)]
                        : [.. parent, .. member.DecodeMethodSignature(this, null) is var s ? s.ParameterTypes.Prepend(s.ReturnType).SelectMany(p => p) : []];
                default:
                    return [];
            }
        }

        private TypeDefinitionHandle Outermost(TypeDefinitionHandle handle)
        {
            var declaring = _md.GetTypeDefinition(handle).GetDeclaringType();
            return declaring.IsNil ? handle : Outermost(declaring);
        }

        private string Namespace(TypeDefinitionHandle handle) => _md.GetString(_md.GetTypeDefinition(Outermost(handle)).Namespace);

        private string Name(TypeDefinitionHandle handle) => _md.GetString(_md.GetTypeDefinition(handle).Name);

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;
        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(t => t)];
        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? genericContext, int index) => [];
        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? genericContext, int index) => [];
        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];
    }
}
