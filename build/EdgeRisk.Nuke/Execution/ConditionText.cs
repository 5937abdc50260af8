using System.Linq.Expressions;

namespace EdgeRisk.Nuke.Execution;

/// <summary>A condition as its author wrote it, for skip reasons: <c>!AlreadyPromoted</c>, not the expression tree's dump.</summary>
internal static class ConditionText
{
    public static string Of(Expression<Func<bool>> condition) => Text(condition.Body);

    private static string Text(Expression expression) => expression switch
    {
        UnaryExpression { NodeType: ExpressionType.Not } not => "!" + Text(not.Operand),
        UnaryExpression { NodeType: ExpressionType.Convert } convert => Text(convert.Operand),
        MemberExpression { Expression: null or ConstantExpression } member => member.Member.Name,
        MemberExpression member => $"{Text(member.Expression!)}.{member.Member.Name}",
        MethodCallExpression call => $"{(call.Object is null or ConstantExpression ? string.Empty : Text(call.Object) + ".")}{call.Method.Name}({string.Join(", ", call.Arguments.Select(Text))})",
        BinaryExpression binary => $"{Text(binary.Left)} {Operator(binary.NodeType)} {Text(binary.Right)}",
        ConstantExpression constant => constant.Value?.ToString() ?? "null",
        _ => expression.ToString(),
    };

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        _ => type.ToString(),
    };
}
