namespace Slipway.Adapters.Git.Objects;

/// <summary>Decodes the zlib streams that packs and loose objects hold.</summary>
internal interface IInflater
{
    /// <summary>Decodes <paramref name="zlib"/> into <paramref name="output"/> until it is full or the stream ends; returns the bytes written.</summary>
    /// <exception cref="InvalidDataException">The data is not a valid zlib stream.</exception>
    int Inflate(ReadOnlySpan<byte> zlib, Span<byte> output);

    /// <summary>
    /// As <see cref="Inflate"/>, for a stream that holds <paramref name="output"/>'s length and no more (a whole object, whose
    /// size its header gave): a decoder that only decodes whole streams (<see cref="LibDeflate"/>) can take it.
    /// </summary>
    int InflateWhole(ReadOnlySpan<byte> zlib, Span<byte> output) => Inflate(zlib, output);
}
