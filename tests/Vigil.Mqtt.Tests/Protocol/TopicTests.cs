using Shouldly;
using Vigil.Mqtt.Protocol;
using Xunit;

namespace Vigil.Mqtt.Tests.Protocol;

public sealed class TopicTests
{
    [Theory]
    // Examples of MQTT 3.1.1 §4.7.1.2 and §4.7.1.3.
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "sport/tennis", true)]
    [InlineData("#", "/", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("+", "finance", true)]
    [InlineData("+/tennis/#", "sport/tennis/player1", true)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("a/b/c", "a/b", false)]
    [InlineData("a/b", "A/b", false)]
    [InlineData("a//b", "a//b", true)]
    [InlineData("a/+/b", "a//b", true)]
    [InlineData("a/#", "a/", true)]
    [InlineData("ab", "a", false)]
    [InlineData("a", "ab", false)]
    // The $ rule (§4.7.2).
    [InlineData("#", "$SYS/broker/uptime", false)]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/monitor/Clients", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [InlineData("a/#", "a/$b", true)]
    public void Matches_SpecificationExamples(string filter, string topic, bool expected)
    {
        TopicFilter.IsValid(filter).ShouldBeTrue();
        TopicName.IsValid(topic).ShouldBeTrue();
        TopicFilter.Matches(filter, topic).ShouldBe(expected);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("/")]
    [InlineData("sport/#")]
    [InlineData("sport/+/player1")]
    [InlineData("+/+")]
    [InlineData("/+")]
    [InlineData("+/")]
    [InlineData("a b/c")]
    public void TopicFilter_Valid(string filter) => TopicFilter.Check(filter).ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("sport/tennis#")]
    [InlineData("sport/tennis/#/ranking")]
    [InlineData("##")]
    [InlineData("sport+")]
    [InlineData("sport/+tennis")]
    [InlineData("a\0b")]
    [InlineData("lone-high-surrogate")]
    public void TopicFilter_Invalid(string filter)
    {
        filter = filter == "lone-high-surrogate" ? "a\ud800" : filter; // xunit cannot carry lone surrogates in InlineData
        TopicFilter.Check(filter).ShouldNotBeNull();
        Should.Throw<ArgumentException>(() => TopicFilter.Validate(filter, "filter")).ParamName.ShouldBe("filter");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/+")]
    [InlineData("a/#")]
    [InlineData("a\0")]
    [InlineData("lone-low-surrogate")]
    public void TopicName_Invalid(string topic) =>
        TopicName.Check(topic == "lone-low-surrogate" ? "x\udc00" : topic).ShouldNotBeNull();

    [Theory]
    [InlineData("/")]
    [InlineData("$SYS/x")]
    [InlineData("温度/😀")]
    public void TopicName_Valid(string topic) => TopicName.Check(topic).ShouldBeNull();

    [Fact]
    public void TopicName_LongerThan65535Utf8Bytes_Invalid()
    {
        TopicName.IsValid(new string('a', 65_535)).ShouldBeTrue();
        TopicName.IsValid(new string('a', 65_536)).ShouldBeFalse();
        TopicName.IsValid(new string('ü', 32_768)).ShouldBeFalse(); // 2 bytes each
    }

    [Fact]
    public void Matches_RandomFilters_AgreeWithRegexReference()
    {
        var generator = new PacketGenerator(seed: 11);
        for (var i = 0; i < 3000; i++)
        {
            var filter = generator.Filter();
            var topic = i % 2 == 0 ? generator.Topic() : Derive(filter, generator.Random);
            TopicFilter.Matches(filter, topic).ShouldBe(Reference(filter, topic), $"filter '{filter}' topic '{topic}'");
        }
    }

    private static string Derive(string filter, Random random)
    {
        var levels = filter.Split('/').SelectMany(l => l switch
        {
            "+" => [random.Next(3) == 0 ? string.Empty : "x"],
            "#" => Enumerable.Range(0, random.Next(3)).Select(_ => "y"),
            _ => (IEnumerable<string>)[l],
        });
        var topic = string.Join('/', levels);
        return topic.Length == 0 ? "t" : topic;
    }

    // An independent reference: the level-by-level definition written differently.
    private static bool Reference(string filter, string topic)
    {
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
