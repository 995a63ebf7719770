/// Static-site publishing of the training material.
public enum Site {}
