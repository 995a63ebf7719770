/// Scans text meant to be shared for likely client identifiers.
public enum Privacy {}
