namespace Syndicate.Cli.Input;

/// <summary>The layout of an input. <see cref="Auto"/> decides per input from its extension and first bytes.</summary>
internal enum InputFormat
{
    /// <summary>
    /// Detect per input: <c>.jsonl</c>, <c>.ndjson</c> and <c>.jsonlines</c> are JSON Lines, <c>.json</c> is a JSON
    /// document, <c>.xml</c>, <c>.rss</c> and <c>.atom</c> are feeds (RSS or Atom by root element), <c>.csv</c> and <c>.tsv</c>
    /// are delimited text, <c>.txt</c> is one text article, a directory is a tree of <c>.txt</c> files; a trailing <c>.gz</c> is ignored. Anything else, and
    /// standard input, is decided by the first non-blank byte: <c>[</c> a JSON document, <c>&lt;</c> a feed, <c>{</c>
    /// JSON Lines; otherwise delimited text when the first line is a header naming an <c>id</c> column, else JSON Lines.
    /// </summary>
    Auto,

    /// <summary>One JSON object a line (JSON Lines, NDJSON).</summary>
    Jsonl,

    /// <summary>A JSON array of objects, or an object whose <c>articles</c> property is such an array.</summary>
    Json,

    /// <summary>Plain text: the whole input is one article.</summary>
    Text,

    /// <summary>An RSS 2.0 feed. RSS and Atom are told apart by their root element, so either value reads both.</summary>
    Rss,

    /// <summary>An Atom feed. RSS and Atom are told apart by their root element, so either value reads both.</summary>
    Atom,

    /// <summary>Delimited text with a header row, one article a row: CSV, TSV, or semicolon- or pipe-separated (<see cref="CsvSource"/>).</summary>
    Csv,
}
