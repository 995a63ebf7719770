/// The week's workbook as a page to fill in, and bringing the answers back.
public enum BrowserForm {}
