import Foundation
import HotlineCore

extension ZoneOffsets {
    /// The offsets of an IANA zone ("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", ...).
    ///
    /// Read from the system's compiled time zone database (TZif files, RFC 8536,
    /// in `$TZDIR` or `/usr/share/zoneinfo`; Debian/Ubuntu package `tzdata`)
    /// rather than enumerated through Foundation's `TimeZone`, because:
    /// - the file *is* the transition table: every change of offset, standard
    ///   offset changes included (Europe/Moscow 2011 and 2014, America/Caracas
    ///   2007 and 2016), to the second, with no reliance on an API named for DST
    ///   transitions and no per-transition calendar calls;
    /// - it is the data the rest of the system uses (`date`, glibc, databases)
    ///   and that OS updates keep current, whereas Foundation on Linux answers
    ///   from the ICU copy built into the Swift toolchain. When both are the
    ///   same tzdata release, every zone agrees with `TimeZone.secondsFromGMT(for:)`
    ///   (checked by the tests).
    ///
    /// Coverage: all of the file's transitions (from the 1800s on), then its
    /// footer rule expanded through the end of the year 10000, beyond the
    /// latest instant a valid timestamp can hold (about 16 000 transitions,
    /// 250 KiB, for a zone with daylight saving time).
    ///
    /// "UTC" needs no file. Anything else that is not a readable TZif zone
    /// without leap seconds throws ``UnknownTimeZoneError``.
    public init(timeZoneIdentifier identifier: String) throws {
        if identifier == "UTC" {
            self = .utc
            return
        }
        guard Self.isZoneName(identifier) else {
            throw UnknownTimeZoneError(identifier: identifier, reason: "not an IANA time zone name")
        }
        let directory = ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/share/zoneinfo"
        let path = directory + "/" + identifier
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UnknownTimeZoneError(
                identifier: identifier,
                reason: "no such zone in \(directory) (is the tzdata package installed?)")
        }
        do {
            self = try TZifFile(Array(data)).zoneOffsets()
        } catch {
            throw UnknownTimeZoneError(identifier: identifier, reason: "\(path): \(error)")
        }
    }

    /// Whether `identifier` is shaped like an IANA name ("Area/Location", "UTC",
    /// "Etc/GMT+5"): ASCII letters, digits, `_`, `+`, `-` and `.` in `/`-separated
    /// parts. Rejecting everything else keeps `--tz` from naming an arbitrary
    /// file ("../../etc/passwd", "/dev/zero").
    static func isZoneName(_ identifier: String) -> Bool {
        let parts = identifier.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return identifier.utf8.count <= 255 && parts.allSatisfy { part in
            !part.isEmpty && part.first != UInt8(ascii: ".") && part.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "+"),
                     UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default:
                    false
                }
            }
        }
    }
}
