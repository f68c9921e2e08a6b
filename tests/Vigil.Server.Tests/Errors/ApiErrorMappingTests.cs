using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Vigil.Server.Errors;
using Xunit;

namespace Vigil.Server.Tests.Errors;

public sealed class ApiErrorMappingTests
{
    public static TheoryData<Exception, int, string> Cases() => new()
    {
        { new ArgumentException("bad"), 400, ApiErrorCodes.InvalidParameterValue },
        { new ArgumentNullException("x"), 400, ApiErrorCodes.InvalidParameterValue },
        { new FormatException("bad"), 400, ApiErrorCodes.InvalidParameterValue },
        { new Vigil.Data.Csv.CsvFormatException("bad csv"), 400, ApiErrorCodes.InvalidParameterValue },
        { new KeyNotFoundException("gone"), 404, ApiErrorCodes.ResourceDoesNotExist },
        { new JsonException("bad"), 400, ApiErrorCodes.MalformedRequest },
        { new BadHttpRequestException("too big", 413), 413, ApiErrorCodes.RequestLimitExceeded },
        { new BadHttpRequestException("bad body", 400, new JsonException("at 3")), 400, ApiErrorCodes.MalformedRequest },
        { new InvalidDataException("Multipart body length limit 10 exceeded."), 413, ApiErrorCodes.RequestLimitExceeded },
        { new InvalidDataException("Unexpected end of Stream"), 400, ApiErrorCodes.MalformedRequest },
        { ApiError.AlreadyExists("dup").ToException(), 400, ApiErrorCodes.ResourceAlreadyExists },
        { new InvalidOperationException("bug"), 500, ApiErrorCodes.InternalError },
        { new NullReferenceException(), 500, ApiErrorCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromException_EachKind_MapsToStatusAndCode(Exception exception, int status, string code)
    {
        var error = ApiErrorMapping.FromException(exception);

        error.StatusCode.ShouldBe(status);
        error.ErrorCode.ShouldBe(code);
        ApiErrorMapping.IsServerFault(error).ShouldBe(status >= 500);
    }

    [Fact]
    public void ApiError_InvalidArguments_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ApiError(200, "X", "m"));
        Should.Throw<ArgumentException>(() => new ApiError(400, "", "m"));
        Should.Throw<ArgumentException>(() => new ApiError(400, "X", " "));
    }
}
