public enum Commend {}
