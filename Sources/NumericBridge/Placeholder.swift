public enum NumericPlaceholder {}
