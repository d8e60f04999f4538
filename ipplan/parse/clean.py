"""Web noise: drop navigation and page-chrome lines, never content.

Each rule is a full-line pattern (a chrome line is short and stands alone), so a
sentence that merely mentions 分享 or 字体 is kept. Runs after script conversion, so
the rules are written in simplified characters only.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class NoiseRule(NamedTuple):
    code: str
    summary: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    near_misses: tuple[str, ...] = ()


def _rule(code: str, summary: str, regex: str, *examples: str, near: tuple[str, ...] = ()) -> NoiseRule:
    return NoiseRule(code, summary, re.compile(regex, re.VERBOSE), examples, near)


NOISE_RULES: tuple[NoiseRule, ...] = (
    _rule("NZ01", "site greeting", r"欢迎(访问|来到|光临).{0,40}", "欢迎访问临沂市政府网站"),
    _rule("NZ02", "accessibility and reading modes",
          r"(退出|进入|切换)?(长者|关怀|无障碍|适老化)(浏览)?(模式|版|通道)?", "退出长者模式", "长者浏览模式"),
    _rule("NZ03", "window and print controls",
          r"([^。，,]{1,6}[:：]\s*)?[【\[(（]?\s*(关闭窗口|关闭本页|打印本页|打印正文|打印|关闭|返回顶部|返回首页|保存本页|"
          r"收藏本页|我要纠错|纠错)\s*[】\])）]?(\s*[【\[]?(关闭窗口|打印本页|打印|关闭|收藏本页)[】\]]?)*",
          "关闭窗口", "【打印本页】【关闭窗口】", "核发: 收藏本页"),
    _rule("NZ04", "share widgets", r".{0,10}(分享到|分享至)[:：]?.{0,30}", "分享到", "分享到:微信 微博"),
    _rule("NZ05", "font-size bar",
          r"[【\[(（]?\s*字[体号]\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?\s*[】\])）]?.{0,20}",
          "字体 大 中 小", "【字体：大 中 小】"),
    _rule("NZ06", "related-link blocks of portals and encyclopedias",
          r"(相关(词条|链接|文章|新闻|阅读|文件|解读)|热门词条|联[络系]我们|网站地图|上一篇.*|下一篇.*|"
          r"扫一扫.{0,20}|基本(介绍|信息)|当前位置[:：].*|您现在的位置[:：].*|首页\s*[>＞»].*)",
          "相关词条", "相关链接", "当前位置:首页 > 政策文件"),
    _rule("NZ07", "attachment file names",
          r"[^。，,；;]{1,80}\.(pdf|docx?|wps|xlsx?|ofd|zip|rar|jpg|png)\s*(\(\d+(\.\d+)?\s*[KMG]?B\))?",
          "郑州市知识产权服务业发展三年行动红头文件.pdf"),
    _rule("NZ08", "page counters and post stamps",
          r"(浏览|访问|阅读|点击)(次数|量|数)\s*[:：]\s*\d+.{0,30}"
          r"|(发布时间|信息来源|来源|日期|时间)\s*[:：].{0,60}(\d{1,2}:\d{2}|次).{0,40}",
          "日期:2024-01-10 19:04:44 发布人:科研处", "浏览次数:1024"),
    _rule("NZ09", "encyclopedia infobox rows", r"[•·]\s*(中文名|外文名|类型|类别|发布单位|发布时间|实施时间|文号)\s*[:：].{0,80}",
          "• 中文名:加快推进知识产权强省建设工作方案(试行)"),
    _rule("NZ10", "page numbers", r"[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?",
          "- 3 -", "第2页 共5页"),
)

_NOISE = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in NOISE_RULES), re.VERBOSE)


def is_noise(line: str) -> bool:
    """True for a page-chrome line."""
    return _NOISE.fullmatch(line) is not None


def drop_noise(lines: tuple[str, ...] | list[str]) -> list[str]:
    """The content lines, page-chrome lines dropped."""
    return [line for line in lines if not is_noise(line)]


#: Rule tables of this module for the walker test: name -> (entries, fires on text).
RULE_TABLES = {"NOISE_RULES": (NOISE_RULES, lambda rule, text: rule.pattern.fullmatch(text) is not None)}
