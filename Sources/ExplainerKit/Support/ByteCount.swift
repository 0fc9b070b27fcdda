/// Sizes in messages, exact: `8,388,653 bytes`, and a limit with its round figure:
/// `8,388,608 bytes (8 MiB)` — never two different sizes rounded to the same "8 MB".
enum ByteCount {
    /// `8,388,653 bytes` (`1 byte`).
    static func text(_ count: Int) -> String {
        grouped(count) + (count == 1 ? " byte" : " bytes")
    }

    /// A count with its thousands grouped: `8,388,653` (also pixels: `50,000 × 50,000`).
    static func grouped(_ count: Int) -> String {
        var digits = String(count.magnitude)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (count < 0 ? "-" : "") + digits + grouped
    }

    /// `8,388,608 bytes (8 MiB)`; the round figure only when it is exact.
    static func limit(_ count: Int) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where count >= size && count % size == 0 {
            return text(count) + " (\(count / size) \(unit))"
        }
        return text(count)
    }
}
