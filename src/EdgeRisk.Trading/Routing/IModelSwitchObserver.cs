using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Routing;

/// <summary>Told about every regime switch, e.g. to count <c>model_switch_total{symbol,from,to}</c>.</summary>
public interface IModelSwitchObserver
{
    void OnModelSwitch(Symbol symbol, HorizonRegime from, HorizonRegime to, DateTime time);
}
