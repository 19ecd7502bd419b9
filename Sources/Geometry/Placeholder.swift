public enum GeometryPlaceholder {}
