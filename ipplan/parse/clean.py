"""Web noise: drop navigation and page-chrome lines, never content.

Each rule is a full-line pattern (a chrome line is short and stands alone), so a
sentence that merely mentions 分享 or 字体 is kept. Runs after script conversion, so
the rules are written in simplified characters only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ipplan import patterncache
from ipplan.parse.dates import is_bare_date
from ipplan.parse.numerals import CN_COUNT_CLASS
from ipplan.parse.rules import PatternRule, RuleTable, lazy
from ipplan.parse.vocab.notices import NoticeRef
from ipplan.parse.vocab.organs import ORGAN_END

#: The value of a noise rule's example: the line is dropped.
DROP = "drop"


@dataclass(frozen=True, kw_only=True)
class NoiseRule(PatternRule):
    """A page-chrome line: ``pattern`` must match the whole line. The rules of a table without
    ``needs`` are compiled into one alternation (``_combined``); examples give DROP."""

    #: Literals one of which every line the rule matches holds: the stage tries the rule only
    #: on such lines (a cheap test before a costly regex), apart from the alternation.
    needs: tuple[str, ...] = ()


def _rule(code: str, summary: str, regex: str, *examples: str, near: tuple[str, ...] = (),
          needs: tuple[str, ...] = ()) -> NoiseRule:
    return NoiseRule(code=code, summary=summary, pattern=regex, examples=tuple((x, DROP) for x in examples),
                     near_misses=near, needs=needs)


#: One item of a site's service contact (NZ14): an optional 24小时 / 在线 / 服务, a label (QQ 微信 热线 客服 …)
#: and, after a colon, a number, an address or a weekday span.
_CONTACT_VALUE = r"[0-9A-Za-z@._\-—()（）]{3,}(?:[ ][0-9A-Za-z@._\-—()（）]+)*"
_WEEKDAY = f"[{CN_COUNT_CLASS[:6]}日天]"  # 周一 … 周六, 周日 / 星期天
_WEEKDAYS = rf"(?:周|星期){_WEEKDAY}\s*(?:至|到|-|—|~)\s*(?:周|星期)?{_WEEKDAY}(?:\s*[0-9:：\-—~至到]+)*"
_CONTACT = (r"(?:(?:7\s*[×xX*]\s*)?24\s*小时|全天候)?(?:免费|在线|人工)?(?:服务|客服|咨询|投诉)?"
            rf"(?:QQ|qq|微信(?:号|公众号)?|热线|电话|客服|时间)(?:\s*[:：]\s*(?:{_CONTACT_VALUE}|{_WEEKDAYS}))?")

#: One counter of a page (NZ15): 阅读 1024次, 评论(3条), 已有12人点赞, 共找到25条记录, 第1/3页, 我要评论.
_COUNTER = (r"(?:(?:网站|总)?(?:阅读|浏览|访问|点击|下载|评论|点赞|收藏|分享|转发|字数)(?:次数|量|数)?\s*[:：]?\s*[(（]?\s*\d+\s*"
            r"(?:次|条|人|字)?\s*[)）]?|已有\d+人(?:点赞|评论|参与讨论|收藏|阅读)|我要评论|共找到\d+条(?:记录|结果|信息)"
            r"|本文共\d+页|第\s*\d+\s*/\s*\d+\s*页)")

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
    _rule("NZ11", "post stamp of a page: two or more of 发表日期, 来源, 作者, 浏览次数 … on one line",
          r"(?=.{0,200}$)(?=(?:.*?(?:发表日期|发布日期|发布时间|更新时间|来源|作者|浏览次数|浏览量|点击数|点击量|阅读次数|访问次数|"
          r"责任编辑|编辑|字号|信息来源|文章来源)\s*[:：]){2}).{0,200}",
          "发表日期:2020-11-18来源:市市场监管局 作者:办公室 浏览次数:356", "来源：市政府办公室 发布时间：2023-05-06",
          near=("发布机构：市市场监管局", "来源于基层的创新做法，作者们认为："), needs=(":", "：")),
    _rule("NZ12", "open-on-phone prompts", r"(?:扫一扫|用手机扫描|手机扫码).{0,20}|(?:在手机(?:上)?打开|手机版).{0,10}",
          "扫一扫在手机打开当前页", "在手机打开", near=("推动手机端政务服务",)),
    _rule("NZ14", "a site's service contact: 24小时服务QQ:…, 客服QQ：… 微信：…, 7×24小时在线客服, 服务时间：周一至周五 9:00-17:30 "
          "(a notice's own 联系人 / 联系电话 line stays: the header reads it)",
          rf"(?=.{{0,80}}$)(?=.*(?:QQ|qq|微信|客服|24\s*小时|服务热线|服务时间)){_CONTACT}(?:\s+{_CONTACT})*\s*",
          "24小时服务QQ:2880605093", "客服QQ：123456789 微信：ipr-service", "7×24小时在线客服", "24小时服务热线：400-800-1234",
          "服务时间：周一至周五 9:00-17:30", "咨询热线：0755-8888 6666 客服QQ：10001",
          near=("联系电话:010—62086271 010—62086707", "联系人：王某 电话：0571-87654321", "提供7×24小时不间断服务。",
                "开通24小时服务热线，及时受理群众诉求。", "举报电话：12315", "客服服务 服务 服务"),
          needs=("QQ", "qq", "微信", "客服", "小时", "服务热线", "服务时间")),
    _rule("NZ15", "counters and search tallies of a page: 阅读 1024次 评论(3条), 下载次数：56次 字数：3200字, 已有12人点赞, "
          "共找到25条记录, 网站访问量：8562340次, 第1/3页",
          rf"{_COUNTER}(?:\s*{_COUNTER})*", "阅读 1024次 评论(3条) 已有12人点赞 收藏12次", "下载次数：56次 字数：3200字",
          "共找到25条记录", "网站访问量：8562340次", "本文共3页 第1/3页", "已有3人参与讨论 我要评论",
          near=("阅读量达到1000万人次", "下载次数", "评论3条意见均已采纳。", "共找到问题线索25条，已全部整改。"),
          needs=("阅读", "浏览", "访问", "点击", "下载", "评论", "点赞", "收藏", "转发", "字数", "共找到", "页")),
    _rule("NZ13", "a markup comment left in the text (the <!-- INFO END --> of Markdown law texts)",
          r"<!--.{0,200}?-->", "<!-- INFO END -->", "<!--more-->",
          near=("<!-- 注释 --> 第一条 为了规范管理，制定本办法。", "比例为1<2")),
)

#: Wrappers of document-sharing sites around a pasted document: their lines are dropped
#: and the plan says so (notice N012), since they prove the text is a copy of a copy.
WRAPPER_RULES: tuple[NoiseRule, ...] = (
    _rule("NZ21", "sharing-site banner: 由会员分享，可在线阅读 / 更多相关《…》请在…上搜索",
          r".{0,120}(?:由会员分享|可在线阅读|更多相关[《“].{1,120}[》”]请在.{0,20}搜索).{0,120}",
          "加快推进知识产权强市建设工作方案.doc 由会员分享，可在线阅读，更多相关《加快推进知识产权强市建设工作方案》请在道客巴巴上搜索。",
          near=("会员单位分享经验做法。",)),
    _rule("NZ22", "download prompts and page controls of a sharing site",
          r"(?:文档|资料)?(?:立即下载|免费下载|下载文档|下载此文档|VIP免费下载|下载积分|下载券|展开阅读全文|阅读全文|"
          r"点击查看更多|全文阅读|加入VIP|开通VIP|收藏文档|原创力文档|文档页数|当前文档).{0,40}",
          "下载文档", "展开阅读全文", "原创力文档 www", "文档页数：12页", near=("下载相关申请表格后提交。",)),
    _rule("NZ23", "the numbered 温馨提示 of a sharing site (download and copyright notes)",
          r"(?:温馨提示[:：]?.{0,300})|(?:\d[.．、]?\s*(?=.*(?:下载|上传|预览))(?=.*(?:本站|客服|用户|存储服务|侵权|网络波动|放心下载|显示错乱))"
          r"(?=.*(?:文档|文件)).{0,240})",
          "温馨提示：", "1.部分包含数学公式或PPT动画的文件，查看预览时可能会显示错乱或异常，文件下载后无此问题，请放心下载。",
          "2.本文档由用户上传，版权归属用户，本站只提供存储服务，如有侵权请联系删除。",
          near=("1.鼓励企业上传专利信息。", "2.加强版权保护。", "4.推进版权兴业。建立版权示范单位，培育版权产业，打击侵权盗版。",
                "3.建设专利信息平台，支持用户上传和下载专利文献。")),
)


@functools.cache
def _combined(table: tuple[NoiseRule, ...]) -> re.Pattern[str]:
    """The rules of a table without ``needs`` as one alternation (compiled on first use)."""
    return patterncache.compile("|".join(f"(?:{r.pattern})" for r in table if not r.needs), re.VERBOSE)


def _hinted(table: tuple[NoiseRule, ...]) -> tuple[NoiseRule, ...]:
    return tuple(r for r in table if r.needs)


def _tried(rule: NoiseRule, line: str) -> bool:
    """A rule with ``needs`` on a line: tried only when the line holds one of them."""
    return any(w in line for w in rule.needs) and rule.regex.fullmatch(line) is not None


#: Every wrapper line holds one of these words: a cheap test before the full patterns.
_WRAPPER_HINT = lazy(r"会员|在线阅读|搜索|下载|上传|预览|温馨提示|阅读全文|查看更多|VIP|文档")

#: A run of at least this many short organ-name lines is a list of department links (page
#: chrome), unless a date follows (the signatures of a joint issue).
LINK_RUN_MIN = 6
LINK_MAX_CHARS = 16
_PUNCT = lazy(r"[。，,；;：:、！？!?《》“”]")


def _link_like(line: str) -> bool:
    return len(line) <= LINK_MAX_CHARS and not _PUNCT.search(line) and ORGAN_END.search(line) is not None


def drop_noise(lines: tuple[str, ...] | list[str]) -> tuple[list[str], list[NoticeRef]]:
    """The content lines, page chrome and sharing-site wrappers dropped (the wrappers with
    a notice)."""
    kept: list[str] = []
    wrapper = 0
    noise, wrappers = _combined(NOISE_RULES).fullmatch, _combined(WRAPPER_RULES).fullmatch
    hinted = _hinted(NOISE_RULES)
    assert not _hinted(WRAPPER_RULES)  # (they share one hint, _WRAPPER_HINT)
    for line in lines:
        if noise(line) or any(_tried(r, line) for r in hinted):
            continue
        if _WRAPPER_HINT.search(line) and wrappers(line):
            wrapper += 1
            continue
        kept.append(line)
    kept = _drop_link_runs(kept)
    notices = [NoticeRef("N012", f"dropped {wrapper} line(s) of a document-sharing site's wrapper")] if wrapper else []
    return kept, notices


def _drop_link_runs(lines: list[str]) -> list[str]:
    # The runs of link-like lines, found among the few such lines rather than line by line.
    links = [i for i, line in enumerate(lines) if _link_like(line)]
    drop: list[tuple[int, int]] = []
    k = 0
    while k < len(links):
        i = j = links[k]
        while k < len(links) and links[k] == j:
            j, k = j + 1, k + 1
        if j - i >= LINK_RUN_MIN and not (j < len(lines) and is_bare_date(lines[j])):
            drop.append((i, j))  # a list of department links
    if not drop:
        return lines
    out: list[str] = []
    last = 0
    for i, j in drop:
        out.extend(lines[last:i])
        last = j
    out.extend(lines[last:])
    return out


def _noise_gives(rule: NoiseRule, line: str) -> str | None:
    return DROP if (_tried(rule, line) if rule.needs else rule.regex.fullmatch(line)) else None


#: The rule tables of page chrome, for tests/test_rule_tables.py.
RULE_TABLES = (RuleTable("NOISE_RULES", "NZ", NOISE_RULES, _noise_gives),
               RuleTable("WRAPPER_RULES", "NZ", WRAPPER_RULES, _noise_gives))
