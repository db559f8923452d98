@testable import HotlineSLA
import Testing

@Suite struct OpeningHoursTests {
    @Test(arguments: ["mon-fri 08:00-18:00", "sat 09:00-12:00", "mon-wed,fri 00:00-24:00", "sun 23:59-24:00"])
    func acceptsWellFormedEntries(entry: String) {
        #expect(OpeningHours.problem(in: entry) == nil)
    }

    @Test(arguments: ["mon-fri", "monday 08:00-18:00", "mon-fri 8:00-18:00", "mon-fri 18:00-08:00",
                      "mon-fri 08:00-24:01", "mon-fri 08:60-09:00", "mon-fri 08:00-18:00 extra", "mon--fri 08:00-09:00"])
    func refusesMalformedEntries(entry: String) {
        #expect(OpeningHours.problem(in: entry) != nil)
    }
}
