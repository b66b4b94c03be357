namespace Slipway.Core.Errors;

/// <summary>Carries a <see cref="SlipwayError"/> up to the CLI, which prints it as one line and exits with its code.</summary>
public sealed class SlipwayException : Exception
{
    public SlipwayException(SlipwayError error)
        : base(error.OneLine())
    {
        Error = error;
    }

    public SlipwayException()
        : this(SlipwayError.Failed("unknown error"))
    {
    }

    public SlipwayException(string message)
        : this(SlipwayError.Failed(message))
    {
    }

    public SlipwayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = SlipwayError.Failed(message);
    }

    public SlipwayError Error { get; }
}
