"""The lexicon of generic planning language: the one home of every word list the analysis uses.

Only words that Chinese plans of any sector and region use belong here: comparators (以上, 超过,
不低于), words of change (增长, 降低), of the kind of a figure (每年, 累计, 新增), the verbs with
which plans set targets (培育, 打造, 建成), scope words (全省, 我市), the markers of facts about
the present (截至, 目前) and the years of deadlines (到2025年, 年底前). Sector vocabulary
(apparel, AI …) is never here: it is opt-in data (see ``plancompare.text.sectors``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.text.numbers import chinese_numeral, parse_number


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string, longest first, so that 超过 is tried before 超."""
    return tuple(sorted(text.split(), key=len, reverse=True))


#: A five-year plan's period by its number (九五, 十五, 十四五).
FIVE_YEAR_PLAN = r"(?:十[一二三四五六七八九]?|[六七八九])五"


# ------------------------------------------------------------------------------ comparators

#: Words just before a figure that make it a floor.
AT_LEAST = words(
    "大于等于 不少于 不低于 不小于 至少 多于 高于 大于 超过 突破 超出 超 逾 过 达到 到达 达 达至"
    " 达成 迈上 迈向"
    " 跃上 冲刺 跨上 站上 增至 增长至 增长到 增加至 增加到 提升至 提升到 提高至 提高到 扩大至"
    " 扩大到 上升至 上升到 攀升至 攀升到 跃升至 跃升到 发展到 发展至 重回 ≥ >= ＞ >"
)
#: Words that end with a floor's character but set no bound (通过1至2个周期的努力, 下达资金…):
#: the means or the handing down, not 过 or 达.
NOT_BOUNDS = words("通过 经过 下达 传达 表达 转达 送达 抵达")
#: Words just before a figure that make it a ceiling.
AT_MOST = words(
    "小于等于 不超过 不高于 不多于 控制在 低于 少于 小于 降至 降到 下降至 下降到 降低至 降低到"
    " 压减至 压减到 减至 减到 减量至 减量到 控制目标为 控制目标是 控制为 控制到"
    " 压降至 压降到 减少至 减少到 缩短至 缩短到 压缩至 压缩到 缩小至 缩小到 ≤ <= ＜ <"
)
#: Words just before a figure that make it approximate.
ABOUT = words("大约 约 接近 近 将近")
#: Those of them written before a verb or 占 (约达到2.5亿, 约占总人口的18%): about the figure.
ABOUT_BEFORE_VERB = words("大约 约")
#: Words just before a figure that state it exactly (为 100家, 保持在).
EXACTLY = words("为 保持在 稳定在 保持 设为 定为 确定为 维持在")
#: Words just after a figure and its unit, with the comparator they make.
AFTER: tuple[tuple[str, str], ...] = (
    ("及以上", ">="),
    ("以上", ">="),
    ("之上", ">="),
    ("以下", "<="),
    ("以内", "<="),
    ("之内", "<="),
    ("左右", "~"),
    ("上下", "~"),
    ("余", ">="),
    ("多", ">="),
    # 湿地保有量44850万亩不减少: a floor written as what must not fall.
    ("不能减少", ">="),
    ("不减少", ">="),
    ("不降低", ">="),
)
#: Words anywhere before a figure in its sentence that make a bare figure a floor.
STRIVE = words("力争 争取 努力 争创 力促")
#: Words that turn a sentence to what is planned (截至目前，我市计划新建…).
PLAN_VERBS = words("计划 拟 将 预计 力争 争取")
#: Words that turn a report back to the plan (去年…。今年预期…; …。确保全年完成…): 预计 is not one,
#: as it estimates the year going on.
PLAN_TURNS = words("计划 拟 将 力争 争取 努力 争创 确保 今年 预期 目标 今后 未来 下一步 明年")

# ----------------------------------------------------------------------------------- change

#: Words just before a figure that make it a change rather than a level, with the sign.
INCREASE = words(
    "增长 提高 提升 增加 上升 上涨 扩大 增幅 增速 年增长 年均增长 年增 递增 年均递增 比增 年均增"
    " 同比增"
)
DECREASE = words(
    "下降 降低 减少 压减 压降 缩减 削减 消减 缩短 缩小 压缩 负增长 年下降 年均下降 降 递减 年均递减"
)
#: Verbs of a fall that, opening a name, make its figure the fall of what follows (减少贫困人口
#: 55万, 压缩棉花种植面积70万亩: 贫困人口 −55万). Not 压减 or 淘汰 of capacity, which plans count as
#: a task done (压减钢铁产能600万吨).
FALL_FIRST = words("减少 削减 压缩 缩减 消减 降低")
#: 翻一番 / 翻两番: a level multiplied by 2 / 4.
DOUBLING = re.compile(
    r"翻(?P<n>[一两二三四])番|翻番|(?:增长|提高|增加|增)约?一倍|倍增(?!行动|计划|工程|专项|工作|效应|模式)|翻倍"
)

# ------------------------------------------------------------------------------------- kind

#: What a figure is, by the plan's own words: per year, added over the period, or a total.
ANNUAL = words("每年 年均 年度 每一年 逐年 年增长 年增 年下降 年复合 平均增长率 平均增速 平均增幅")
INCREMENT = words(
    "新建改扩建 新改扩建 新改建 新开工建设 新建成使用 开工建设 新(改)建 新（改）建 新获批 新上线"
    " 新增 新建成 新建"
    " 新培育 新引进"
    " 新引育 新认定 新创建 新开工 新打造"
    " 新发展 新开发 新组建 新设立 新认证 新种植 新种 新栽 新辟 新编制 再培育 再打造"
    " 再创建 再建成 再新建 再建"
    " 新、改扩建 新、改建 新修 新发现 增扩 增设 新购置 净增加 净增 新建和改扩建 新建、改扩建"
    " 新开通 新开设 新开办 新开"
    # 新(改、扩)建, 新（扩）建: new, or rebuilt or enlarged, each adds one.
    " 新(改、扩)建 新（改、扩）建 新(改扩)建 新（改扩）建 新(扩)建 新（扩）建"
)
#: 增加 opening what is added (计划增加公办幼儿园学位4500个): an increment — not 增加到 (a level),
#: 增加值 (value added) or 增加5个百分点 (a change).
ADDING = re.compile(
    rf"(?:^|[，,；;、\s]|{'|'.join(PLAN_VERBS)}|再)增加(?![到至值了])(?=[\u4e00-\u9fff])"
    r"|扩容(?![到至倍]|[\u4e00-\u9fff]*(?:工程|项目))"  # 学位扩容2万个: capacity added
    r"|扩增(?![到至倍])"  # 扩增学前教育学位9300个 (扩增到每天5万立方米: a level)
)
#: The increments that count rebuilt works with the new (新改建农村公路): not what 新建 alone
#: counts.
REBUILDS = words("改扩建 改建 新(改)建 新（改）建 新、改")
CUMULATIVE = words("累计 共计 总计 合计")

# ------------------------------------------------------------------------------------ verbs

#: Verbs with which plans set a target of things to create, grow or reach; the figure after them
#: counts the object that follows (培育10家X, 打造5个X). Generic to plans of any sector.
TARGET_VERBS = words(
    "培育形成 培育壮大 引进培育 培育引进 建设运营 布局建设 打造形成 组织实施 实施推广"
    " 培育 打造 建设 建成 形成 创建 新建 组建 搭建 建立 设立 认定 评定 遴选 推选 选树 树立"
    " 引进 引育 招引 吸引 孵化 扶持 支持 推动 带动 推广 推出 发布 制定 修订 制修订 研制 编制"
    " 突破 攻克 研发 开发 完成 实施 开展 组织 举办 培训 认证 选取 选择 遴选出 部署 开通 覆盖"
    " 改造 提升 提高 新增 增加 达成 拥有 涌现 争创 创成 获批 入选 带动形成 实现 达到 保持"
    " 争取 力争 各打造 各建设 各培育 培养 安排 投入 新上线 上线 发放 落实 招聘 吸纳 推进"
)
#: Verbs after which, inside the words before a figure, the name of what is counted starts
#: (服装产业拥有自主品牌5个 → 自主品牌): verbs of creating or owning that no noun begins with.
OBJECT_VERBS = words(
    "培育形成 培育 打造 建成 形成 创建 新建 组建 引进 引育 拥有 涌现 招引 认定 推选 遴选 选树"
    " 孵化 创成 争创 安排 建设 举办"
)
#: Verbs that open a name written before its figure and are not part of it (培育形成规上工业企业
#: 超10家 → 规上工业企业). Only verbs that are never the first word of a noun: 建设 (建设用地),
#: 研发 (研发投入) and 带动 (带动就业人数) stay.
LEADING_VERBS = words(
    "培育形成 培育壮大 引进培育 培育引进 打造形成 培育 打造 建成 形成 创建 新建 组建 引进 引育"
    " 招引 培训 认定 实现 完成 推动 吸引 孵化 涌现 拥有 争创 创成 推选 遴选 选树 举办 组织开展"
    " 开展 实施 推广 新增 上线 培养 招聘 吸纳 建设 开通 建成并开通 运营 改造 筹集 发展 带动 落实"
    " 建设筹集 筹措 建设筹措 建设运营 推动超过 推动 建立 集聚 规划 引导 推进 制定发布 制定"
    " 发布 出台 编制 修订"
    " 获得 明确 安排 提供 新(改)建 新（改）建 改(扩)建 改（扩）建 新(扩)建 新（扩）建"
    " 保证 确保 开办 改建 育成 树立 组织实施 要求 聚集 稳定 提升改造 改造提升 维修改造 更新改造"
    " 投入使用 建成使用 增加 购置 新购置 改扩建 设置 优化调整 启动 启用 新建和改扩建 新建、改扩建"
    " 配套实施 发放 锚定 招录 供应 基本建成 获评 补充 完善 帮扶 开辟 扩建 优化 调整 新开通 新开设"
    " 新开办 新开 帮助 扩增 续建"
)
#: Verbs of what is to be done within a time (5分钟内提供速报信息, 3个工作日内办结), besides
#: LEADING_VERBS: the name of the time is what they act on, then the verb (速报信息提供时间).
TIMED_VERBS = words("提供 报送 上报 办结 办理 处置 响应 到达 抵达 送达 答复 反馈 发布 出具 完成")
#: Nouns a verb of LEADING_VERBS opens as a word of the name (建设用地规模, 运营成本, 带动就业
#: 人数, 发展水平): after these the verb is kept.
VERB_NOUN_HEADS = words(
    "用地 规模 项目 资金 任务 投资 面积 周期 成本 收入 效率 商 能力 水平 就业 指数 质量 速度 区"
    " 期 范围 体系 投产 劳动力 值 量 工程 累计 完成率 进度 活动 载体"
)
#: Verbs of building or founding before 一个/一座/一家 that make the one a target (建设一个…中心).
BUILD_VERBS = words("建设 建成 新建 扩建 打造 设立 组建 创建 培育")
#: The words after which a progress report states the year's target (完成全年目标任务1200人).
TASK_WORDS = words("目标任务 任务目标 年任务 年度任务")
#: What a share is a share of when 的 follows it, when it is the goal itself, not a group
#: (实现新生儿疾病筛查率95%以上的目标, 达到50%以上的建设目标).
GOAL_NOUNS = words(
    "目标 任务 要求 目标任务 任务目标 预期目标 主要目标 主要预期目标 建设目标 发展目标"
    " 工作目标 奋斗目标 总体目标"
)
#: Characters that make a word with the 人 of a unit before them (1200万人口, 10万人才).
AFTER_REN = ("口", "才", "员", "群")
#: The stages of works (开工, 续建, 竣工): a list item named by its stage alone (开工建设安置房
#: 90万平方米、竣工80万平方米) measures the stage of the works named before.
STAGE_VERBS = words("开工建设 新开工 开工 续建 竣工 完工 基本建成 建成 投用 交付 投产")
#: Actions whose extent a plan measures in area or length (改造低产林4万亩, 治理河道30公里): the
#: figure is the action's, so the verb stays in the name.
EXTENT_VERBS = words(
    "综合治理 综合整治 更新改造 维修改造 提升改造 改造提升 改造 治理 修复 整治 种植 造林 营造 新造"
    " 绿化 复垦 开垦 疏浚 硬化 提升 设置 安装 布设 改造升级 升级改造"
)
#: Verbs of works done on things that exist (改造泵站50座, 改扩建小学640所, 整治病险山塘7座): a
#: count after them counts the works, so the verb stays in the name, after the thing (泵站改造).
#: Not 新建 or 建设: what they count is the new thing itself; not 改造提升 (an
#: upgrade of the place, which readers count as the place: 改造提升50个标准化养老院).
WORKS_VERBS = words("更新改造 维修改造 综合整治 除险加固 改扩建 改造 整治 修缮 加固")
#: Words that begin with 并 (并网装机容量, 并购企业): elsewhere a name's opening 并 is the
#: conjunction (并维修加固校舍20所 → 维修加固校舍).
BING_WORDS = words("并网 并购 并联 并行 并列 并发 并存 并轨 并重 并举 并肩 并表")
#: Verbs that only say an action is done (开展培训, 实施改造): the action is named after them.
LIGHT_VERBS = words("开展 组织开展 实施 推动 推进 完成 进行")
#: Verbs of fitting things in a place or for a group (在公共场所配备除颤器500台): what is fitted
#: is named after them.
FITTING_VERBS = words("配备 配置 安装 布设")
#: Names that hold a kind word without being of that kind: 新增劳动力 are the year's new entrants
#: to work (their schooling is a level, not an increment); 牧业年度 and 日历年度 name which year
#: a count is for; 年度目标为… frames the year's own targets; a yearly mean (年均浓度) is a level.
KIND_WORD_NAMES = words(
    "新增劳动力 牧业年度 日历年度 财政年度 会计年度 学年度 年度目标 年度任务 年度计划"
    # 细颗粒物年均浓度, 年均单产: a yearly mean is a level, not a figure per year.
    " 年均浓度 年均值 年均单产 年均气温 年均降水量 年均降雨量"
)
#: What is newly built as the subject of a measure (新建社区的体育设施覆盖率, 新建建筑中绿色建筑
#: 面积比重): the 新建 names whose measure it is, it does not make the figure an increment.
NEW_SUBJECT = r"新建[\u4e00-\u9fff]{1,4}?(?:的|中(?=[\u4e00-\u9fff]*(?:比重|占比|比例|率)))"
#: New routes counted with the adjusted (新开、调整公交线路, 新开通和优化调整线路): not what 新开
#: alone counts.
NEW_OR_ADJUSTED = r"新开(?:通|设)?(?=[、和及与（(]*(?:优化|调整))"
#: Statistics written with their words in another order than their standard name.
WORD_ORDERS = (
    ("新增城镇就业", "城镇新增就业"),
    # 年增长率 is 年均增长率 written short: the yearly rate, not 年增长 (the kind) and 率.
    ("年增长率", "年均增长率"),
    ("年增幅", "年均增幅"),
    ("年增速", "年均增速"),
    # 年平均增长率, (未来三年)平均增长率: the mean yearly rate.
    ("年平均增长率", "年均增长率"),
    ("平均增长率", "年均增长率"),
)
#: Prepositions that open a clause describing a noun (在…取得成效的项目): a modifier, not a noun.
PREPOSITIONS = words("在 对 为 以 与 向 从 由 按 经 通过 围绕 面向 针对")
#: Prepositions of a partner (与3个重点县建立协作): the counted noun is not the one who acts.
PARTNER_PREPOSITIONS = words("与 同 和 跟 向 对")
#: 为 or 对 before a count of people served (为2.5万残疾人提供培训, 对1000万贫困人口实施搬迁),
#: not the 为 of a verb (成为, 作为, 列为), of 以…为, or the 对 of a pair (一对一, 相对).
BENEFICIARY = re.compile(
    r"(?:(?<![成作认转改分列评定称视以变化更])为|(?<![一相面针核绝反])对)\s*(?:全[省市县区州镇旗])?\s*$"
)
#: Verbs of what is done for the people counted after BENEFICIARY (为(全市)200名老年人提供…服务).
SERVICE_VERBS = words("提供 开展 进行 实施 落实")
#: Verbs of activities held, which the doers and the activities are both counted with
#: (360个活动室提供不少于2000场文化活动, 50个场馆举办300场赛事).
EVENT_VERBS = (*SERVICE_VERBS, *words("举办 组织 接待 承办"))
#: Whole names that only say "the total" or "the growth" of what a passage is about (总量达到
#: 2万亿元, 增速实现15%): they take the name of the measure stated before them.
GENERIC_MEASURES = frozenset(
    {"总量", "规模", "总额", "总规模", "增速", "增幅", "增长", "年均增速", "总数", "数量"}
)
#: Verbs that join a subject to its measure (企业实现总产值 → 企业总产值): dropped from a name.
JOIN_VERBS = words("实现 保持 进行")
#: Verbs that open the predicate after a counted noun (100个事项实现…, 5家企业入驻…): where the
#: name of what is counted ends.
PREDICATE_VERBS = words(
    "实现 开展 具备 具有 达到 完成 接入 入驻 落户 参与 签订 达成 进驻 加入 获得 进入"
    " 取得 纳入 列入 跻身 成为 建立 应用于 服务于 落地 投运 投产 运行 申报 形成 享受 享有 接受"
    " 建成运行 建成投运 建成投产 建成投用 建成使用"
)
#: Predicate verbs that take no object: 5家企业入驻 counts 企业, whatever they do.
BARE_PREDICATES = words(
    "入驻 落户 落地 投运 投产 运行 进驻 加入 参与 建成运行 建成投运 建成投产 建成投用 建成使用"
)
#: What the counted go on to do, as the whole of what follows the figure (企业20家入园, 规上企业
#: 30家上云): a verb and its object, never the noun counted.
COMPLETIONS = words("入园 入区 入库 入统 入规 升规 上规 上云 上市 上线 挂牌 开业 达产 转型")

# --------------------------------------------------------------------------- words to strip

#: Connectives and adverbs that open a clause but are not part of a name.
CONNECTIVES = words(
    "其中 同时 并且 另外 以及 此外 进一步 积极 大力 全力 着力 持续 加快 努力 力争 力促 争取 确保"
    " 预计 预期 全面 基本 初步 逐步 有效 分别 推动实现 力求 使 继续 再 目标是 目标 坚决"
    " 至少 最少"  # 至少达到100家标准胸痛救治单元: the bound of the figure, then its name
    " 正常年景下 正常年景"  # 正常年景粮食产量: the condition of the figure, not its name
    " 比如 例如 譬如"  # 比如草原综合植被覆盖度: an example given, not part of the name
    " 也就是 就是"  # 就是全市新增公共汽电车300辆: what the plan means, then the name
)
#: The goal or task set for a measure, after the measure's word (改造面积目标任务): named by
#: the measure.
MEASURE_GOAL = r"(?:(?<=面积|长度|里程)|(?<=[率量额]))(?:目标任务|任务目标|目标|任务)"
#: Words that end the words before a figure and are not part of the name: adverbs (比例总体达到70%,
#: 黑臭水体均控制在10%以内, 增速平均达到5%, 覆盖率实现双100%); 均 after 人, 年, 户 is a word
#: of the name (人均, 年均) and stays.
TRAILING_WORDS = re.compile(
    r"(?:总体|整体|平均|(?<![人年户])均|双|均已|也|仍|稳定|全部|原则上"
    r"|(?<![0-9０-９])[一二三四五六七八九十两\d]{1,2}年(?:内|间|来)?"  # 投资五年(累计)
    # A verb left before an adverb (总量达到约1.7亿人) or a preposition (达标率在85%以上).
    r"|(?<=[\u4e00-\u9fff]{2})(?:达到|到|在|完成)"  # 快递业务量完成1225亿件, 比重到15%左右
    r"|(?<=[\u4e00-\u9fff]{2})(?:达到|实现)并"  # 接种率达到并保持在90%以上
    # 龋患率应(从34.5%控制到32%): what should be, not the name (供应, 效应 … are words).
    r"|(?<=[\u4e00-\u9fff]{2})(?<![供响适反效对相感呼答])应(?:当|该)?"
    r"|(?<=[\u4e00-\u9fff]{2})(?<![刚必急所军民内])需(?:要)?"  # 增幅需(超过1.62%)
    r"|(?<=[\u4e00-\u9fff]{2})(?:计划|预计|有望|预期|(?<![模虚])拟)"  # 交易额计划达到, 项目拟增加
    # 能源消耗指标必须(下降19.5%), 下降率要求(达到4.61%): the plan's insistence, not the name.
    r"|(?<=[\u4e00-\u9fff]{2})(?:指标)?(?:必须|要求)|(?<=[\u4e00-\u9fff]{4})指标"
    r"|(?<=[\u4e00-\u9fff]{2})提前"  # 比重提前(达到35%): ahead of time, not the name
    r"|(?<=[\u4e00-\u9fff]{2})扩增"  # 学前教育学位扩增(9300个): the verb after its object
    r"|(?<=[\u4e00-\u9fff]{2})每"  # 森林覆盖率每(年增长1个百分点): 每 left by its kind word
    r"|(?<=投资|资金|经费)安排"  # 固定资产投资安排(7320亿元): the money set, not the name
    # 《行动计划》将产业规模定位(2500亿元): the plan's setting of the figure, not the name.
    r"|(?<=[\u4e00-\u9fff]{2})(?:定位为|确定为|设定为|设定在|定位|定为)"
    rf"|{MEASURE_GOAL}"  # 改造面积目标(任务): the goal set for a measure
    # PM10日均浓度控制目标(不超过63微克), 消费总量控制(目标为41亿吨): the cap set for a measure.
    r"|(?<=[度量率值额])控制(?:目标)?"
    r"|(?<=[\u4e00-\u9fff]{2})(?:至少|最少)(?:需要|需|要|应)?"  # 床位至少需(达到15800张)
    r"|(?<=[\u4e00-\u9fff]{2})(?<!公)共计?"  # 住房任务共(34100套): in all, not the name
    r"|(?<=[\u4e00-\u9fff]{2})即(?:要)?"  # 营造林即(达355万亩): already, not the name
    # 综合能耗比“十五”(期末降低15%): the period the change is measured from.
    rf"|(?<=[\u4e00-\u9fff]{{2}})[比较][“\"]?{FIVE_YEAR_PLAN}[”\"]?(?:期末|末)?"
    # 开工率一季度, 失业率全年(控制在): when in the year, not part of the name.
    r"|(?<=[\u4e00-\u9fff]{2})(?:[一二三四]季度|上半年|下半年|年底前|年底|全年|年内|常年)"
    # 能耗“十四五”以来(累计降低): since the period began.
    rf"|[“\"]?{FIVE_YEAR_PLAN}[”\"]?(?:期间|时期|以来|末))$"
)
#: What a plan is built of (10项重大任务, 17项重点工程, 12项指标, 六个方面): counted, they
#: describe the plan, they set no target.
PLAN_PARTS = re.compile(
    r"(?:[^，,。；;]{0,6}方面\d*项?)?(?:重点|重要|重大|主要|专项|具体|政策|保障|民生|惠民|为民|发展"
    r"|工作|改革|策略)*(?:任务|工程|指标|方面工作|方面|工作|举措|措施|行动|实事|实事项目|目标|内容|条款"
    r"|部分)"
)
#: Verbs of a plan setting out its own parts, left alone as a name (提出76项, 明确11项).
PART_VERBS = words("提出 明确 部署 设置 确定 细化提出 细化 细分 列出 涵盖 包括")
#: The words of a year's list of projects (民生实事, chosen by vote from 候选项目): counted, they
#: describe the list.
PROJECT_LISTS = words("实事 候选项目")
#: Words of reaching that only open a figure (实现倍增达4000家), never a thing counted (not 突破,
#: which a slogan counts: 2个突破).
FIGURE_OPENERS = words("达 达到 超 超过 不少于 不低于 高于")
#: Words of place after a figure that close a frame rather than name a thing (除…50余所外,
#: 在…3公里内): the figure's name is written before it.
FRAME_ENDS = words("外 以外 之外 内 以内 之内 中 之中")
#: Words comparing a measure with another's without a figure (收入增幅高于全省平均水平): what
#: follows is the comparison, not the name.
COMPARISONS = words("高于 低于 快于 慢于 优于 好于 不低于 不高于 持平")
#: Fields a list of sectors closes with (工业、农业等领域设备投资): the list's word, not a name's.
FIELD_WORDS = words("领域 行业 方面 部门 环节")
#: What the plan's parts are said to be about (30件实事涉及教育、住房…): still the parts.
PARTS_ABOUT = words("涉及 具体包括 包括 包含 涵盖 分为")
#: The words that open a baseline: 由现状的, 从2020年的, 由“十三五”期间的 (its figure follows).
BASELINE_OPENING = (
    # 从人均8.7万元提高到12万元, 从每人每年120元提高到200元, 从原来的8万元提高至10万元
    r"[由从](?:现状|目前|当前|现在|现有|原来|原有)?(?:人均|平均|每人每年|每人每月|每人|每户|每年)?"
    rf"(?:(?:19|20)\d{{2}}\s*年(?:底|末)?|[“\"]?{FIVE_YEAR_PLAN}[”\"]?(?:末|期间|时期)?)?的?"
)
#: A baseline written inside the words before the target figure (城乡生活配置水量由现状的633亿
#: 立方米提高到…; 由目前的396家): where the figure comes from, not part of the name.
FROM_BASELINE = re.compile(rf"{BASELINE_OPENING}\s*[0-9０-９.．]+\s*\S{{0,6}}$")
#: Words that open with a connective's characters and are words of a name all the same.
NOT_CONNECTIVES = words(
    "再生 再制造 持续性 使用 有效灌溉 有效灌面 有效利用 基本医疗 基本养老 基本公共 基本农田"
    " 基本药物 基本建成 基本型"
)
#: An amount that sets a group's threshold inside a name: 亿元以上, 超500亿元, 过百亿, 10亿级.
AMOUNT_THRESHOLD = re.compile(
    r"(?:超过|超|过)?(?:[0-9０-９.．]+[十百千万亿]*|[十百千万亿]+)(?:元|亿)(?:元)?(?:以上|以下|级)?"
    r"|(?:超过|超|过)(?:[0-9０-９.．]+|[十百千万]+)亿"
)
#: Measures that name no subject of their own (增加值占GDP比重 after 体育产业总规模; 高速公路建设
#: 计划投资): they are the measure of the subject named before them.
BARE_MEASURES = words("增加值 产值 产量 总产 收入 营业收入 主营业务收入 投资 交易额")
#: Measures counted in money: a bare magnitude after them (营业收入过3万亿) is in 元.
MONEY_MEASURES = words("增加值 产值 收入 营收 投资 交易额 销售额 总额 生产总值 GDP")
#: What money written before its use is for (12亿元用于实施寄宿制学校建设工程, 投资3000万元建设
#: …基地): the works it goes to, named with the money's own word (:data:`FUND_WORDS`).
MONEY_PURPOSE = re.compile(
    r"^(?:专项|主要|全部|重点)?用于(?:实施|支持|开展|建设)?|^(?:实施|建设|支持|开展)(?=..)"
)
#: The words money for some works is called by (安排资金, 计划投资, 工作经费); 投资 when none.
FUND_WORDS = words("投资 资金 经费")
#: Statistics named by a subject and the word of its change (经济增长6%): when the change word
#: is read as the figure's sign, the subject alone is not the name.
CHANGE_NAMES = words("经济增长 人口增长")
#: Bounds written before the verb of a count (至少培训1名, 不少于建设10个).
BOUNDS_BEFORE_VERB = words("至少 不少于 不低于")
#: Words that point back to things already named (这两个项目, 上述10项): no count of a target.
DEMONSTRATIVES = words("这 该 上述 前述")
#: Names that already say which measure of an area or a length they are (治理水土流失面积).
EXTENT_MEASURES = words("面积 长度 里程 规模")
#: What ends a place's name (巴州区, 通江县, 巴中经济开发区) …
PLACE_ENDINGS = words("经济技术开发区 经济开发区 高新区 开发区 新区 区 县 市 旗 镇 乡")
#: … and the kinds of area that end alike but name no place (示范区, 景区, 城镇).
AREA_KINDS = words("示范区 园区 景区 社区 小区 城区 片区 功能区 集聚区 城市 县城 乡镇 城镇")
#: A place's name alone (巴州区, 通江县, 巴中经济开发区), not a kind of area (示范区, 景区).
PLACE = re.compile(
    rf"[\u4e00-\u9fff]{{1,8}}?(?:{'|'.join(PLACE_ENDINGS)})"
    + "".join(f"(?<!{re.escape(kind)})" for kind in AREA_KINDS)
)
#: Endings of a region's name (京津冀及周边地区, 汾渭平原, 长江流域, 成渝城市群) as plans list the
#: regions that share one measure (…、汾渭平原PM2.5浓度分别下降20%、15%).
REGION_ENDINGS = words("地区 平原 流域 盆地 高原 城市群 经济区 经济带 三角洲 省 自治区")
#: The row of a table split by place that holds the whole (全县合计, 合计, 全市).
WHOLE_ROW = re.compile(r"^(?:全[国省市县区州]|本[省市县区])?(?:合计|总计|小计|汇总)?$")
#: Words that say a change is on an earlier figure — last year's (化学需氧量同比削减, 地方财政
#: 收入同口径增长) or today's (较目前再增加约3岁).
ON_EARLIER_FIGURE = words(
    "同比 比上年 比去年 较上年 较去年 同口径 比目前 较目前 比现在 较现在 比当前 较当前"
    " 比同期 较同期 比现有 较现有"
)
#: Name endings that count people (体检人数, 受益人口): a bare magnitude after them is of 人.
PEOPLE_COUNTS = words("人数 人口 人员")
#: A noun of people or households right after a magnitude (为2.5万农村残疾人, 4000万农户用上沼气):
#: the magnitude counts them, in 万人 or 万户 (not 人民币).
COUNTED_PEOPLE = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:(?P<people>人口|人员|居民|群众|学生|师生|农民|职工|儿童|老人|人(?!民币))|(?P<households>户))"
)
#: Words after a count that announce the list it counts (…目标任务分别为：).
LIST_ANNOUNCERS = words("分别为 分别是 包括 如下")
#: Words that end a name of a total amount (茶叶总量, 茶叶产量, 集装箱吞吐量): one total.
TOTAL_ENDINGS = words("总产量 总量 产量 总吞吐量 吞吐量")
#: Names of peoples written with more than one character, as autonomous regions name them
#: (延边朝鲜族自治州, 新疆维吾尔自治区, 恩施土家族苗族自治州): the place is what comes before.
PEOPLES = words(
    "维吾尔 哈萨克 柯尔克孜 塔吉克 乌孜别克 朝鲜 土家 蒙古 布依 哈尼 傈僳 拉祜 景颇 纳西 仡佬"
    " 毛南 撒拉 保安 东乡 裕固 鄂温克 鄂伦春 达斡尔 锡伯 仫佬 德昂 普米 独龙 阿昌 基诺 门巴 珞巴"
)
#: Activities a measure is taken of, listed side by side (马铃薯种植、收获机械化率; 棉花、甘蔗收获
#: 机械化率): the subject before the first and the measure after the last are shared.
ACTIVITY_VERBS = words(
    "种植 收获 播种 耕种 植保 烘干 存栏 出栏 生产 加工 销售 研发 制造 应用 建设 改造 运营"
)
#: What a power figure measures (光伏装机, 储能规模, 供电能力): a name without one of these is
#: the source whose installed capacity it is (光伏新增1430万千瓦 → 光伏装机).
POWER_MEASURES = words("装机 装机容量 装机规模 容量 规模 能力 负荷 功率 产能 总量")
#: The labels of a task list's responsibility lines (牵头负责领导：…, 牵头责任单位：…): notes on
#: who does a task, not what it is.
RESPONSIBILITY_LABELS = words(
    "牵头负责领导 牵头领导 牵头责任单位 牵头单位 协同责任单位 责任单位 配合单位 责任领导 完成时限"
)
#: Heads that count undertakings (建设11个项目): their extent is measured by the dimension's
#: word (项目 of 2500公里 → 项目里程).
PROJECT_HEADS = words("项目 工程")
#: The word that names an extent of each dimension, for a name that does not say it.
EXTENT_WORDS = {"length": "里程", "area": "面积"}
#: Words of a bracketed note on what a figure counts in or leaves out ((扣除…外), (含…)).
NOTE_WORDS = words("扣除 不含 不包括 含 包括")
#: The output a measure is per unit of (单位地区生产总值能耗): every listed subject's.
PER_UNIT_BASES = words("地区生产总值 国内生产总值 GDP 工业增加值 增加值 产值")
#: Bases of a share that are money (占GDP比重, 占全县生产总值份额): only money is a share of them.
MONEY_BASE = re.compile(r"GDP|生产总值|增加值|产值|收入|投资|销售额|营业额|经济总量")
#: A demonstrative, modal or marker opening the words before a figure (这七大流域, 这些…, 要人均…,
#: 把粮食综合生产能力稳定在, 需要粮食面积, 除了新建…, 含既有建筑…, 按常住人口计每千人…): not part
#: of the name (要素, 此外 are words and stay).
LEADING_PARTICLES = re.compile(
    r"^(?:这(?:些|个|项|类)?|此|上述|要(?![素点求件])|把|需要|除了|含(?=[\u4e00-\u9fff]{2})|按[\u4e00-\u9fff]{1,8}?计(?:算)?|(?:计划(?!生育|用水)|预计|拟)(?=[\u4e00-\u9fff]{2})|包括|包含"
    # 为高龄独居老人家庭(新增)烟感报警装置: for whom (为宁波服务的院士 keeps its clause).
    r"|为(?![民主])(?=[\u4e00-\u9fff]{4})(?![^的]*的)"
    # 经济社会发展主要预期目标是地区生产总值增长7%: the frame of the list, not the name.
    r"|^[\u4e00-\u9fff]{0,12}(?:目标|任务)(?:是|为)(?=[\u4e00-\u9fff]{2})"
    r"|建(?=[0-9０-９])"
    # 可扩容学生1万人, 可解决…人口: a modal.
    r"|可(?=扩容|增加|新增|实现|达到|提供|容纳|解决))(?=[\u4e00-\u9fff0-9])"
    # 《规划》提出, 方案明确: the document framing what it says, not part of a name.
    r"|^(?:《[^》]{1,30}》|本?(?:规划|方案|计划|意见|纲要|通知))(?:明确|提出|要求|指出|强调)了?|^提出了"
    # 但按照《规划》所提出的, 该规划首次提出: the document a name is taken from, told of.
    r"|^(?:但|而)?(?:按照|根据|依据)?[^，,；;。]{0,12}?(?:《[^》]{1,30}》|规划|方案|纲要)中?"
    r"(?:所|首次|已|还)?(?:明确|提出|确定|设定)了?的?(?=[\u4e00-\u9fff]{2})"
    # 通过调整种植结构、扩大复播增加粮食种植面积: the means, up to the verb of the target.
    r"|^通过.*(?:增加|提高|扩大|新增|实现|完成)(?=[\u4e00-\u9fff]{2})"
    # 完成省下达我市粮食播种面积: the quota a higher level set, not part of the name.
    r"|^(?:国家|上级|[省市州县]级?)下达(?:给)?(?:我[省市州县区旗])?(?=[\u4e00-\u9fff]{2})"
    # 开展各类补贴性职业技能培训, “三支一扶”等各类公益性岗位: a class's determiner and the verb
    # or examples before it; what follows names the class.
    r"|^[^的，,；;。]{1,12}?各(?:类|种)(?!形式)(?=[\u4e00-\u9fff]{3})"
    # (力争在3年内)改造老旧楼宇: 在 left before the verb when the time it framed has gone.
    rf"|^在(?=(?:{'|'.join(map(re.escape, LEADING_VERBS))}))"
    # 共完成市政公用基础设施建设项目: in all, then the verb (after 共开展各类…, read above).
    r"|^共(?=完成|建成|实施|改造|培训|筹集)"
    # 项目建成后(预计)可新增学位: the condition the figure waits on, not its name.
    r"|^[\u4e00-\u9fff]{0,20}?(?:建成|完成|完工|竣工|投产|投用|实施|运营|达产)后(?:预计|预期)?(?:可|能)?(?=[\u4e00-\u9fff]{2})"
    # 明确提出全社会研发经费投入: the plan saying it.
    r"|^(?:明确)?提出(?=[\u4e00-\u9fff]{2})"
    # 该局将力争使全市人口出生率…: whom the plan makes reach the figure, after 使.
    r"|^[\u4e00-\u9fff]{0,12}?(?<![即假纵天大特公])(?:使得|使(?![用命馆节者]))(?=[\u4e00-\u9fff]{2})"
    # 天津市民政局(今年)将新增…: the office that will do it, not the name.
    r"|^[\u4e00-\u9fff]{1,10}?(?:(?<![布格结大全当开时残终棋饭赌骗僵变新胜战定])局(?!所)|厅(?!堂)|委员会)(?:今年|明年|年内)?(?=[\u4e00-\u9fff]{2})"
    r"|^的(?=[\u4e00-\u9fff]{2})"  # (…)的地区生产总值: a modifier's particle left alone
    r"|^即(?![时将使便刻])(?=[\u4e00-\u9fff]{2})"  # 主要目标…，即地区生产总值: what it means
)
#: Phrases of time opening a name (“十四五”期间, 规划期内, 三年): when, not what.
TIME_PHRASES = re.compile(
    rf"^(?:[“\"]?{FIVE_YEAR_PLAN}[”\"]?(?:期间|时期|末|以来)?|以来|规划期内|规划期|期间|全年|年内|以后|此后|今后|本年度|"
    # 到年底, 至今年底: the deadline written before the name without a comma.
    r"(?:[到至](?=[今明年]))?(?:(?:今|明)年(?:年?底前?|内)?|年底前|年底)|"
    r"[一二三四]季度|前三季度|上半年|下半年|"
    # 元旦前, 春节前, 汛期前: a deadline named by the day or season it falls before.
    r"(?:元旦|春节|国庆|汛期|汛前|入冬|年末)(?:前|以前)|"
    r"(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])月(?:底|末|份)?(?:前|内|以前)?|"
    # 三年内 opening a name; not 九年一贯制, 九年义务教育, 十二年制 (school terms that count years).
    r"[一二三四五六七八九十\d]{1,2}年(?:内|间|来)?(?!一贯制|义务教育|制))"
)
#: Names of a measure without a unit (农田灌溉水有效利用系数达到0.58): the figure is a bare number.
INDEX_NAMES = words("利用系数 系数 指数 死亡率 受害率 发生率 事故率 倍率 倍差 收入比 性别比")
#: Words a share's name already ends with (市场份额的15%): no 比重 is added to it.
SHARE_NAMES = words("份额 比重 比例 占比 比率")
#: The unit a rate is counted over (以乡镇为单位, 以县为单位): how it is measured, not its name.
COUNTED_PER = re.compile(r"以[^，,；;。以为]{1,10}为单位")
#: A definition in brackets (（以下简称社零额）): not part of the name.
DEFINITION = re.compile(r"[（(]以下简称[^）)]*[）)]")
#: Administrative scope words opening a name: recorded as scope, not part of the name.
SCOPE_LEAD = re.compile(
    r"^(?:全国|全省|全市|全县|全州|全区|全盟|全旗|我国|我省|我市|我县|我州|我区|本省|本市|本县|本区"
    r"|中国(?!品牌|制造|特色|式|标准|企业|元素|风格|文化)"  # 中国公路总里程 (中国品牌汽车 keeps it)
    r"|各省|各市|各县|各区|各地|每个市州|各市州|每个市|每个县|每个区|每市|每县|省内|市内|县内|区内"
    r"|所有|全部"
    r"|该省|该市|该县|该区|该州)"
    r"(?:[（(][市区县旗、]{1,5}[)）])?"  # 各县(市、区): the county-level places, each
    r"(?:的(?=[\u4e00-\u9fff]{2}))?"  # 我省的森林覆盖率: the 的 after the place goes with it
)
#: Words that say how a thing is designated, not what it is (示范基地, 应用基地, 试点基地): one in
#: place of another names the same kind of thing.
DESIGNATIONS = words("示范 应用 试点 标杆 样板 典型 先行 应用示范 示范应用")
#: Designations that single a few out of all of a kind (示范应用场景 are not every 应用场景).
SINGLING_DESIGNATIONS = words("示范 试点 标杆 样板 典型")
#: Size classes that count only part of a kind (科技型中小企业 are not every 科技型企业).
SIZE_CLASSES = words("中小微 中小 小微 大中型 大型 中型 小型 微型")
#: Words of sowing that stand between a crop and its area (播种粮食面积, 蔬菜种植面积).
SOWING_WORDS = words("播种 种植")
#: Words of a name that make its value a rate of change (增速 10%), not a level.
RATE_WORDS = re.compile(r"增速|增长率|增幅|涨幅|年均增长|年均增速|增长速度|(?:年均?)?复合增长率")
#: Rate words that end a name and say only that the figure is a change (机架规模增速 20%):
#: the name is what changes, the rate flag says it is a change.
RATE_ENDINGS = words(
    "年均复合增长率 年复合增长率 复合增长率 年均增速 年均增长率 增长速度 增速 增长率 增幅"
)
#: Words that end a name and say the figure is a fall (综合能耗下降幅度达10%: a change of −10%).
FALL_ENDINGS = words("下降幅度 降低幅度 下降率 降幅")
#: Rates named with a rate word that are levels, not changes (人口自然增长率 3‰).
LEVEL_RATES = words("自然增长率")
#: Vague quantities: a plan that says 一批 sets no figure.
VAGUE = re.compile(r"一批|一系列|一些|若干|多个|一大批|一揽子")
#: Idioms made of numbers that count nothing (一企一策, 一户一策, 一村一品, 千家万户) and terms
#: that hold a number (一次能源, 三次产业, 二次分配, 二次供水, 一次性). A digit before a
#: magnitude is an amount (二百万人, 三千万吨), not such an idiom.
NUMBER_IDIOM = re.compile(
    r"(?![一两二三四五六七八九][十百千万亿])([一两二三四五六七八九十百千万])(.)(?:\1|一|万)(.)"
    r"|[一二三]次(?:能源|产业|分配|供水|污染|创业|开发|利用)|一次性"
)

#: Targets without a figure that plans of any sector state: 零事故, 全覆盖, 实现零的突破.
QUALITATIVE = re.compile(
    r"实现[0０零]的突破|[0０零]的突破|零(?:事故|发生|伤亡|死亡|排放|污染|投诉|案件|容忍|缺陷)"
    r"|全面覆盖|全覆盖|负增长|负增速"
)

#: Adverbs that open a predicate together with its verb (基本实现, 全面具备).
PREDICATE_ADVERBS = words("基本 全面 初步 普遍 全部 率先 均 都 已 能够 按期 如期")
#: Of those, the ones that open a predicate even before a verb the lexicon lacks (全面落地).
PREDICATE_OPENERS = words("基本 全面 初步 普遍 全部 率先 加快")
#: Words that frame a clause by what it is about (围绕37条产业链, 聚焦10个领域): its figures
#: describe the scope of a measure, they are not targets.
FRAMING = words(
    "围绕 聚焦 面向 依托 立足 针对 结合 瞄准 按照 根据 紧扣 贯彻 对标 对照 统筹考虑 综合考虑 考虑"
)
#: Words that measures are made of (排放总量, 人均可支配收入, 市场满足率): the longest run of
#: them that ends the last of several subjects (A、B和C排放总量分别…) is what they share.
#: Measures of use that are complete names: a measure after the last subject is not theirs
#: (单位GDP能耗和二氧化碳排放: 能耗 takes no 排放).
CONSUMPTIONS = words("消耗 能耗 耗量 用量 水量 电量")
#: Words after a figure for the mark it passes (突破千亿元大关, 跨上1.4万亿斤台阶).
MILESTONE_WORDS = words("大关 关口 新台阶 台阶")
MEASURE_PARTS = words(
    "排放 总量 规模 增加值 产值 收入 营业 主营业务 人均 可支配 居民 市场 满足率 覆盖率 普及率"
    " 比重 占比 比例 数量 人数 水平 能力 强度 消费 交易额 利用率 达标率 生产 面积 产量 产能 播种"
    " 装机容量 装机 发电 里程 长度 总额 产业链 吞吐量"
)
#: Verbs that describe what a thing consists of (厦门港包括A、B…9个港区): the count after the
#: list they open is the number of its items, not a target.
DESCRIBING_VERBS = words("包括 包含 涵盖 规划有 共有 分为 即 出现")
#: Verbs before a rank to reach (进入前15位, 跃居全省前十名, 排名前3位).
RANK_VERBS = words(
    "进入 跻身 跃居 跃升至 跃升到 上升至 上升到 提升至 提升到 升至 保持 稳居 稳定在 位居 位列"
    " 排名 排在 排位 进 居 列"
)
#: The fields a rank is taken in (世界前5位, 全省前40位).
RANK_FIELDS = words("世界 全球 全国 国内 全省 省内 全市 市内 全区 区内 全州 同类城市")
#: What a rank is called at the end of a name (国家综合创新能力世界排名); the last, 排名, is
#: put on a name that has none.
RANK_NAMES = ("位次", "名次", "排位", "排名")
#: Administrative units below a county a measure is taken over (乡镇、建制村通硬化路率, 行政村
#: 覆盖率): the same measure of another unit differs in scope, not in what it measures.
ADMIN_UNITS = words("乡镇 建制村 行政村 自然村 社区 街道")
#: What a count after 涉及 names when it only says where the work reaches (涉及5个街道办事处,
#: 涉及22个省, 涉及34个牵头单位): places that hold the work and bodies that share it.
INVOLVED_BODIES = words("省 市 县 区 乡 镇 街道 单位 部门 牵头单位 责任单位 成员单位")
#: Measure words that end a name; without them the subject is left (数字经济产业规模 → 数字经济):
#: a share written without its subject (占GDP比重) takes the subject of the name before it.
MEASURE_ENDINGS = words("产业能级 能级 产业规模 总规模 规模 总量 数量 总数")
#: A level written as a word of its own (国家级, 省级以上, 市、县级): the level of what is counted.
LEVEL = r"(?:国家|[省市县区镇乡村州、]+)级(?:以上)?"
#: Scope words inside a name that set what is counted (规上 vs all firms, 亿元以上, 省级): a
#: reviewer compares them.
SCOPE_WORDS = re.compile(
    r"全产业链|产业链|规模以上|规上|限额以上|限上|\d+(?:\.\d+)?[万亿]?元以上|[万亿]元以上"
    rf"|{LEVEL}"
)
#: Kinds of settlement a measure is taken over (城市 or 城镇 供水管网): the same measure of
#: another kind of settlement differs in scope, not in what it measures.
SETTLEMENTS = words("城市 城镇 农村 乡村 县城 城区 市区 乡镇 建制镇 重点镇")
#: Groups of places a measure can be taken over instead of the whole region (贫困县农村居民人均
#: 可支配收入 / 农村居民人均可支配收入): the same measure of fewer places differs in scope.
PLACE_GROUPS = words(
    "贫困县 贫困地区 贫困乡镇 贫困乡 贫困村 脱贫县 脱贫地区 片区县 重点县 欠发达地区 革命老区"
    " 民族地区 边境地区 山区县"
)
#: A part of the country or of a region (东部地区, 山区), or a kind of settlement.
REGION_PART = (
    r"(?:[东中西南北]{1,2}部|东北|西北|西南|东南|山区|沿海|郊区|主城区|县[（(]市(?:、区)?[)）]|县市|"
    + "|".join(SETTLEMENTS)
    + r")(?:地区|区域)?"
)
#: Words before a part that say it is the rest (其他城市, 其余地区).
OTHER_PARTS = words("其他 其余 其它")
#: Names that are only parts of a region or kinds of settlement, one or several, maybe the rest
#: of them (县城, 东部地区, 其他城市和县城, 中西部地区建制镇): a figure so named is the measure
#: before it for that part (入园率90%，其中东部地区95%). Use with ``fullmatch``.
AREAS_ONLY = re.compile(
    rf"(?:{'|'.join(OTHER_PARTS)})?(?:{REGION_PART})+(?:[和、及与](?:{REGION_PART})+)*"
)
#: What opens a measure taken over kinds of settlement, with a word or two of their rank or
#: kind (地级及以上城市污泥无害化处置率, 缺水城市再生水利用率, 城市和县城…): the words a figure
#: for another settlement (其他城市达到75%) replaces.
SETTLEMENT_LEAD = re.compile(
    rf"^(?:(?:{'|'.join(OTHER_PARTS)})?[\u4e00-\u9fff]{{0,5}}?(?:{REGION_PART})[和、及与]?){{1,3}}"
    r"(?:建成区)?"
)
#: Scope words that make a whole name when a plan elides the measure (其中规上10家).
SCOPE_ONLY = words("规上 规模以上 限上 限额以上")
#: An ordinal batch or session opening a name (第三批, 第二届): which one, not what is counted.
ORDINAL = re.compile(
    r"^第\s*[一二三四五六七八九十百\d]+\s*[批届期次轮条章节款]\s*|^[一二三四五六七八九十]+是"
    r"|^[（(]\s*[0-9０-９]{1,2}\s*[)）]"  # (8)行政村公共厕所: an item's number in a paragraph
    r"|^[0-9０-９]{1,2}\s+(?=[\u4e00-\u9fff])"  # 15 开展…培训500人次: a list's number, a space
    r"|^[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])"  # 。1.全年开展…: numbered in its paragraph
    r"|^[一二三四五六七八九十]{1,3}\s*、"  # 。一、农业总产值增长10%: numbered in its paragraph
    # ⑴九年义务教育巩固率, ①耕地保有量, ⒈: the one-character numbers of items in a paragraph.
    r"|^[\u2460-\u249b\u3251-\u325f\u32b1-\u32bf]\s*"
)
#: Words that join the items of a list (培育5家X、10家Y; 10家X和20个Y; X以及Y).
LIST_JOINS = words("、 以及 和 及 与 并")
#: Of those, the ones that join items of one list (…300家和Y1500家), not a second predicate (并).
ITEM_JOINS = tuple(j for j in LIST_JOINS if j != "并")
#: Endings of a modifier that needs a head noun (特色专业型, 国家级, 重点类).
ADJECTIVAL_ENDINGS = "型级类式性"
#: Words with such an ending that are verbs or nouns, not modifiers (企业转型升级, 新模式).
NOT_ADJECTIVAL = words("升级 降级 晋级 转型 成型 定型 分类 归类 模式 方式 形式 特性 属性")
#: The standard short forms of Chinese statistics (规模以上 is 规上), for comparing names.
STATISTICS_SHORT_FORMS = (("规模以上", "规上"), ("规模工业", "规上工业"), ("限额以上", "限上"))
#: Names of one statistic written differently from plan to plan, longest first: research and
#: development (研究与试验发展, 研发, R&D; its 投入强度 is its share of GDP), the output of an
#: economy (国内/地区生产总值, GDP), the per-capita forms (每千人口, 千人均).
STATISTICS_SYNONYMS = (
    ("研究与试验发展", "R&D"),
    ("研究和试验发展", "R&D"),
    ("研发投入强度", "R&D经费占GDP比重"),
    ("研发经费", "R&D经费"),
    ("研发投入", "R&D经费"),
    ("研发支出", "R&D经费"),
    ("R&D经费投入", "R&D经费"),
    ("R&D经费支出", "R&D经费"),
    ("R&D经费强度", "R&D经费占GDP比重"),
    ("R&D投入强度", "R&D经费占GDP比重"),
    ("国内生产总值", "GDP"),
    ("地区生产总值", "GDP"),
    ("生产总值", "GDP"),
    ("常住人口每千人", "每千人"),
    ("每千常住人口", "每千人"),
    ("常住人口千人", "每千人"),
    ("每千人口", "每千人"),
    ("千人均", "每千人"),
    ("期望寿命", "预期寿命"),
    ("居民平均预期寿命", "预期寿命"),
    ("人均预期寿命", "预期寿命"),
    ("平均预期寿命", "预期寿命"),
    ("常住人口城镇化率", "城镇化率"),
    ("相当于", "占"),
    ("全社会", ""),
    ("比例", "比重"),
    ("比率", "比重"),
    ("投资额", "投资"),
    ("CPI涨幅", "居民消费价格涨幅"),
    ("消费价格指数涨幅", "消费价格指数"),
    ("消费价格涨幅", "消费价格指数"),
    # 地表水达到或好于Ⅲ类水体比例 / 地表水Ⅰ-Ⅲ类水体比例: one class of water quality.
    ("达到或好于Ⅲ类", "Ⅰ-Ⅲ类"),
    ("好于Ⅲ类", "Ⅰ-Ⅲ类"),
    ("Ⅰ～Ⅲ类", "Ⅰ-Ⅲ类"),
    ("Ⅰ~Ⅲ类", "Ⅰ-Ⅲ类"),
    ("Ⅰ—Ⅲ类", "Ⅰ-Ⅲ类"),
    ("CPI", "居民消费价格指数"),
    ("居民人均可支配收入", "居民收入"),
    ("居民人均收入", "居民收入"),
    ("每万人口", "每万人"),
    ("万人均", "每万人"),
    ("综合收入", "总收入"),
    ("公共财政预算收入", "一般公共预算收入"),
    ("公共预算财政收入", "一般公共预算收入"),
    ("地方一般公共预算收入", "一般公共预算收入"),
    # 财政收入(一般公共预算收入): reports name the budget revenue either way.
    ("地方财政收入", "一般公共预算收入"),
    ("本级财政收入", "一般公共预算收入"),
    ("所占比重", "比重"),
    ("占比", "比重"),
    ("自来水覆盖率", "自来水普及率"),
    ("种植面积", "播种面积"),
    ("播面", "播种面积"),  # 粮食播面: the sowing area in short
    # 旅游公厕 / 旅游厕所; a road's 安保工程 / 安防工程 (its safety works, named either way).
    ("公厕", "公共厕所"),
    ("安保工程", "安防工程"),
    # 细颗粒物(PM2.5)年均浓度 / PM2.5年均值: one statistic, by its name or its symbol.
    ("细颗粒物", "PM2.5"),
    ("可吸入颗粒物", "PM10"),
    ("年均值", "年均浓度"),
    # The industry's statistical name is 软件和信息技术服务业; plans shorten or vary it.
    ("软件与信息技术服务业", "软件和信息技术服务业"),
    ("软件和信息服务业", "软件和信息技术服务业"),
    ("软件与信息服务业", "软件和信息技术服务业"),
    # R&D经费与GDP的比例 / R&D经费投入强度: a measure over GDP, written as a ratio or a share.
    ("与GDP的比重", "占GDP比重"),
    ("与GDP之比", "占GDP比重"),
    # 单位地区生产总值能源消耗 / 万元GDP能耗: the energy used per unit of GDP.
    ("能源消耗", "能耗"),
    ("每万元GDP", "单位GDP"),
    ("万元GDP", "单位GDP"),
)


#: Characters of other scripts that an input method or an OCR put for the Chinese one they
#: look like (规上エ业: katakana エ for 工; Japanese 増 for 增), read as that one next to Chinese
#: characters. One character for one, so offsets into the text stay right.
LOOK_ALIKES = {"エ": "工", "ロ": "口", "カ": "力", "ハ": "八", "ニ": "二", "増": "增"}
_LOOK_ALIKE = re.compile(
    rf"(?<=[\u4e00-\u9fff])[{''.join(LOOK_ALIKES)}]|[{''.join(LOOK_ALIKES)}](?=[\u4e00-\u9fff])"
)


def read_look_alikes(text: str) -> str:
    """``text`` with look-alike characters read as the Chinese ones (the plan's text itself is
    kept as written: quotes must be found in it)."""
    return _LOOK_ALIKE.sub(lambda m: LOOK_ALIKES[m.group()], text)


def standard_statistics(name: str) -> str:
    """A name with the statistics terms in their standard forms (规模以上 → 规上, 地区生产总值
    → GDP, 千人均 → 每千人), for comparing names of two plans."""
    name = _ECONOMIC_GROWTH.sub("GDP", name)  # 经济增长6%: by convention the growth of GDP
    # 年接待游客, 旅游接待总人次, 接待旅游人次, 游客接待量: the statistic of visitor arrivals.
    name = _VISITORS.sub("接待游客", name)
    # 一产业 is 第一产业; 第三产业 is 服务业 (三产业年均增速 ⇄ 服务业增加值年均增长).
    name = _SECTOR_NUMBER.sub(r"第\1产业", name).replace("第三产业", "服务业")
    for word, same in (*STATISTICS_SHORT_FORMS, *STATISTICS_SYNONYMS):
        name = name.replace(word, same)
    name = _WHOLE_BASE.sub("占", name)  # 占全省GDP比重 is 占GDP比重: the plan's own whole
    # 占管辖海域面积: the area of the base is the base (占海域面积比重 is 占海域比重).
    name = _BASE_AREA.sub(r"\1", name)
    # 每1000名 is 每千名: a per-head base in digits or in words.
    name = _PER_DIGITS.sub(lambda m: "每" + _base_in_words(m.group(1)), name)
    name = _PER_PEOPLE.sub(r"每\1人", name)  # 每万名居民有, 每万常住人口: per 10,000 people
    name = _PER_ELDERLY.sub(r"每\1老人", name)  # 每千名老年人拥有, 每千老人: per 1,000 elderly
    return _PER_THOUSAND.sub("每千人", name)  # 千人床位数 is 每千人床位数


_SECTOR_NUMBER = re.compile(r"(?<!第)([一二三])产业")
_VISITORS = re.compile(
    r"^年?(?=.*(?:接待|人次|游客))(?:接待)?(?:国内外)?(?:游客|旅游)(?:接待)?总?(?:人次|人数|量|总量)?$"
    r"|^年?接游(?:人次|人数|量|总量)?$"  # 接游人次: 接待游客 in short
)
_ECONOMIC_GROWTH = re.compile(r"^(?:全[国省市县区州])?经济(?:增长|增速)率?$")
_PER_THOUSAND = re.compile(r"(?<!每)千人(?![次计])")
#: The plan's own whole as a share's base: 占全省, 占本市, 占该省管辖, 占管辖.
_WHOLE_BASE = re.compile(
    r"占(?:(?:全[国省市县区州]|[本该][省市县区])(?:管辖)?|[省市县区]?管辖)(?=.)"
)
_BASE_AREA = re.compile(r"(占[^占]{2,8}?)总?面积(?=的?(?:比重)?$)")


def _base_in_words(digits: str) -> str:
    """A per-head base written in digits, in words as plans write it (1000 → 千, 100000 → 十万)."""
    return chinese_numeral(int(digits)).removeprefix("一")


_PER_DIGITS = re.compile(r"每(100000|10000|1000|100)(?![0-9])")
_PER_ELDERLY = re.compile(r"每([十百千万]+)名?(?:老年人口|老年人|老人)(?:拥有|有)?")
_PER_PEOPLE = re.compile(r"每([十百千万]+)名?(?:常住)?(?:人口|居民|人)(?:拥有|有)?(?!次)")


#: Words that say a count counts firms (企业, 公司, 供应商 …) rather than other things.
FIRM_WORDS = re.compile(r"企业|公司|主体|工厂|厂|机构|商户|供应商|服务商|运营商")
#: Words of a plan's title that say what kind of document it is, not what it is about.
TITLE_DOCUMENT_WORDS = re.compile(
    rf"[（(][^）)]*[）)]|“|”|《|》|{FIVE_YEAR_PLAN}|高质量|发展|规划|行动计划|行动方案|实施方案"
    r"|工作方案|推进方案|实施意见|若干措施|指导意见|工作要点|三年|五年|建设|集群|提升|加快|推动|推进"
    r"|促进|关于|印发|通知|的|年度|\d{4}年?|行动|方案|计划"
)
#: Column headers of an indicator table that hold the baseline (2023年基期, 现状值).
BASELINE_HEADERS = re.compile(r"基期|基数|基准|现状|基础|实际|实绩|申报值")

# ------------------------------------------------------------------------------------ facts

#: Words before a figure that state a fact about the present or the past, not a target.
FACT_MARKERS = words(
    "截至 截止 截止到 目前 当前 现有 现已 已经 已有 已建成 已形成 已培育 已认定 已累计 已完成"
    " 已实现 已拥有 已达到 已达 已超过 已突破 去年"
    " 上年 十三五期间 过去 近年来 近几年 历年 如今"
    # A verb with 了 has been done (入学率达到了99.4%).
    " 达到了 完成了 实现了 突破了 超过了 建成了 生产了 提供了 增加了 新增了 带动了 吸纳了 创造了"
    " 培育了 引进了 形成了 解决了"
)
#: Verbs of a plan or a meeting setting out what is to be done (《规划》提出了到2025年…的目标):
#: with 了 they report the statement, not a fact. Two characters each: :data:`PERFECTIVE` looks
#: behind for them, and a look-behind has one width.
STATEMENT_VERBS = words(
    "提出 明确 制定 确定 部署 印发 出台 规定 设定 描绘 勾画 锚定 列出 发布 定下 给出 下达 编制 通过"
    " 提到 强调 要求 安排"
)
#: A verb with 了 before a figure (林芝接待了320万旅游人次, 全县新建了12所学校): done, a fact —
#: not 为了, 除了, 到了, nor 了解 or 了却, nor a statement verb's 了 (:data:`STATEMENT_VERBS`).
PERFECTIVE = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?<![为除罢到])(?<!{'|'.join(STATEMENT_VERBS)})了(?![解却结望然如])"
)
#: Words that open a sentence about the past as a clause of their own (去年，广州实现…): the
#: sentence, and those after it up to a deadline, tell what was done.
PAST_OPENERS = words("去年 上年 上一年")  # and years counted back (过去五年): see targets.extract
#: A web page's furniture standing as a paragraph of its own: its path (首页 » 新闻 » 详情), its
#: copyright line, its reading time (本篇文章284字，读完约1分钟). No targets are read there.
PAGE_FURNITURE = re.compile(
    r"^\s*(?:(?:网站)?(?:首页|主页)\s*[>＞»›]|(?:您|你)?(?:当前)?的?位置\s*[:：]|Copyright|版权所有|©"
    r"|本篇文章\s*[0-9]+\s*字|阅读时间|读完约"
    # > 专题专栏 > 往期专题 > …: a path that opens with its separator.
    r"|[>＞»›]\s*[^>＞»›]{1,20}[>＞»›]"
    # 新浪简介About Sina…┊Copyright © 1996-2011 SINA Corporation: the footer's links first.
    r"|.{0,80}?(?:Copyright\s*(?:©|\(c\))|All Rights Reserved)"
    # 梧州日报社 版权所有 © 2009-2021 All Rights Reser: the site's name before its copyright.
    r"|.{0,20}?版权所有\s*(?:©|\(c\)|Copyright))",
    re.IGNORECASE,
)
#: A web page's count of its readers (浏览量:904次, 阅读数 1200) in a short line of its own (the
#: date and author line): no target of the plan.
PAGE_STATS = re.compile(
    r"(?:浏览|阅读|点击|访问)(?:量|数|次数)\s*[:：]?\s*[0-9]|查看全部|相关评论|发表评论|网友评论"
    r"|[0-9]+\s*条评论"  # • 0 条评论: the page's comment counter
    # 557次浏览, 144人申请入群, 32人点赞: a counter alone on its line, the count first.
    r"|^\s*[0-9]+\s*(?:次|人)(?:浏览|阅读|点击|访问|点赞|收藏|申请入群|已读|参与)\s*$"
)
#: The label of a web page's list of links to other pages (相关新闻, 推荐阅读), a line of its own:
#: the headlines after it are other pages' news.
RELATED_LINKS = re.compile(
    r"[【\[]?(?:相关(?:新闻|阅读|知识|文章|链接|报道|推荐)|推荐阅读|延伸阅读|热点推荐|热门推荐"
    r"|猜你喜欢|更多新闻|往期回顾)[】\]]?[:：]?"
)
#: Words anywhere in a sentence that make it a report of what was done (…，超额完成年度任务).
REPORT_MARKERS = words("超额完成")
#: Headings of sections that describe the present (发展现状, 面临形势, 重要意义): made only of
#: these words, the joining words and the qualifiers before them. Their figures are facts.
BACKGROUND_WORDS = words(
    "现状 形势 基础 背景 意义 成效 成绩 回顾 机遇 挑战 问题 环境 态势 趋势 发展 产业 工作 行业"
    " 主要 面临 面临的 重要 战略 当前 国内外 总体 基本 情况 与 和 及 、 的"
)

# ------------------------------------------------------------------------------------ roles

#: The words of the background words that make a heading about the present (not 发展, 产业 …).
BACKGROUND_MARKERS = words("现状 形势 背景 意义 成效 基础")
#: How a heading about why a plan matters ends (充分认识…的重要意义).
SIGNIFICANCE = words("重要意义 意义 重要性")
#: Headings of the parts every plan may have in its own words, by the role they play: a lower
#: plan that has its own 指导思想 responds to the reference plan's, whatever it says. A heading
#: plays the role when it is one of these words, or ends with one and is at most two characters
#: longer (发展原则, 工作原则). Background (现状, 形势 …) is recognised by BACKGROUND_WORDS.
SECTION_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "guidance": words("指导思想 总体思路 发展思路 基本思路 总体要求 总体考虑"),
    "principles": words("原则"),
    "safeguards": words("保障措施 保障机制 实施保障 组织实施"),
    "glossary": words("术语 名词解释 术语解释"),
}

# ------------------------------------------------------------------------------------ years


@dataclass(slots=True)
class YearMention:
    """A year a sentence mentions."""

    start: int
    """Where the words of the year start in the sentence (到 included)."""
    end: int
    """Where they end."""
    year: int | None
    """The year; None for 三年内 when the plan period is unknown."""
    baseline: bool
    """True for a baseline or a fact (较2025年, 由2025年的, 2025年基期, 截至2020年)."""


_BASE_PRE = frozenset(
    {"相较于", "相较", "相比", "比", "较", "由", "从", "以", "与", "截至", "截止到", "截止", "自"}
)
_YEAR = re.compile(
    r"(?:(?P<pre>力争|争取|截至|截止到|截止|到|至|在|于|相较于|相较|相比|比|较|由|从|以|与|自)\s*)?"
    # 二〇一〇年, 二0一0年, 一九九八年: a year in Chinese numerals, 〇 often typed as 0 or ○.
    r"(?:(?P<y>(?:19|20)\d{2})|(?P<cy>(?:一九|二[〇零0○])[〇零0○一二三四五六七八九]{2}))"
    # 年中 is mid-year, not the 中 of a name after the year (2020年中国…, 2025年中部地区…).
    r"\s*年(?P<post>底|末|年底|年末|以前|前|内|时|为基[期数础准]|基期|中(?![国部心小央西东南北华医学型等])|度)?"
)
#: The digits of a year written in Chinese numerals.
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
#: The number of a span of years (2年, 三年): a span of time, not a date.
_YEAR_COUNT = r"[一二两三四五六七八九十]|\d{1,2}"
_YEARS = rf"(?:{_YEAR_COUNT})\s*年"
_REL_YEAR = re.compile(
    rf"(?<![0-9０-９每第近前后])(?P<pre>力争|争取|用|未来)?(?P<n>{_YEAR_COUNT})\s*年"
    r"(?P<post>内|间|时间|左右)?"
)
#: The time a plan gives itself, opening a name (将2年…, 用3年时间…, 3年内…); not 三年行动计划,
#: 15年以上的电梯 or 5年期贷款.
DURATION_LEAD = re.compile(
    rf"^(?:(?:将|要|计划|拟|力争|争取)用?|用){_YEARS}(?:时间|内|间)?|^{_YEARS}(?:时间|内)"
)
#: A month and a day after a year, with no 前/止 that makes the date a deadline: a date stamp.
_DATE_STAMP = re.compile(
    r"\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号](?!\s*(?:前|之前|以前|止|起|后|为止))"
)
#: A year the work starts from (2024年起, 今年起): not a deadline. (2016年以来 tells what was
#: done since: such a year stays, and the figures after it are facts.)
_SINCE = re.compile(r"\s*(?:起|开始)")
#: A year written as the base of a comparison (在2022年的基础上): a baseline, not a deadline.
_ON_THE_BASIS = re.compile(r"\s*(?:的)?基础上")
#: The five-year plans by name (“十四五”末, 十三五期间): the last year of each.
#: The words before a five-year plan that make it a deadline (到) or a base (比, 较, 由 …).
_FIVE_YEAR_PRE = r"(?P<pre>到|至|在|相较于|相较|相比|比|较|与|由|从)?"
_FIVE_YEAR_PLAN = re.compile(
    rf"{_FIVE_YEAR_PRE}[“\"]?(?P<plan>{FIVE_YEAR_PLAN})[”\"]?(?P<post>末|期末|期间|时期)"
)
#: A five-year plan in quotes as the subject of what is to be done (“十三五”还要再治理1000万公顷):
#: its last year too. Before a noun it is a modifier (“十二五”保障性安居工程), not a time.
_QUOTED_FIVE_YEAR_PLAN = re.compile(
    rf"{_FIVE_YEAR_PRE}[“\"](?P<plan>{FIVE_YEAR_PLAN})[”\"](?=还|将|要|再|力争|争取|计划|预计|拟|需|累计|新增)"
)
#: A document named after a period (“十三五”期间风电核准计划, “十三五”规划): the period is
#: part of its name.
_DOCUMENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:计划|规划|纲要)(?![\u4e00-\u9fff])")
#: 年内, 今年(底), 年底前: the plan's own year in an annual plan (数字山东2021行动方案).
THIS_YEAR = re.compile(r"(?<![0-9０-９每])(?:年内|今年(?:年?底前?|内)?|当年|年底前|年末前|本年度)")
#: The words of THIS_YEAR that name the year of writing even in a plan of several years.
_NOW = ("今年", "本年度")
#: The end of the plan period written as words (到规划期末, 期末): its last year.
PERIOD_END = re.compile(r"(?:到|至)?(?:规划|计划|实施)?期末")
#: The present as the base of a change to come (在现有基础上提高2个百分点): no statement of it.
PRESENT_BASIS = re.compile(r"在(?:现有|目前|当前|现在)的?(?:基础|水平)上")
#: Words of a name that state a base of comparison, not what is measured (在现行标准基础上).
BASE_PHRASE = re.compile(
    r"在[^，,。；;]{0,20}?基础上|的?基础上|较[^，,。；;]{1,12}?(?=提高|增长|下降|降低)"
    # (森林覆盖率)比现有水平, 比现有产能(增加1000亿斤): the present level as the base.
    r"|(?:比|较)(?:现有|目前|当前|现在)[\u4e00-\u9fff]{0,6}$"
)


def year_mentions(text: str, period: tuple[int, int] | None) -> list[YearMention]:
    """Years a sentence mentions: deadlines (到2030年, 三年内) and baselines (较2025年).

    A relative year (三年内, 力争3年) counts from the first year of the plan period, so it is
    2027 in a 2025–2027 plan and unknown (None) when the period is; 年内 in a plan of one year
    is that year.
    """
    found: list[YearMention] = []
    for m in _YEAR.finditer(text):
        if not m.group("pre") and _DATE_STAMP.match(text, m.end()):
            continue  # 2017年03月15日 14:39 记者…: when it was written, not a year of the plan
        # 以2013年为基数, 2020年基期: the base of a change.
        baseline = m.group("pre") in _BASE_PRE or (m.group("post") or "").startswith(("基", "为基"))
        baseline = baseline or bool(_ON_THE_BASIS.match(text, m.end()))
        year = m.group("y") or m.group("cy").translate(_YEAR_DIGITS)
        # 2024年起 in a plan from 2024: when the work starts (2018年起 in it: what was done since).
        started = period is not None and int(year) >= period[0] and _SINCE.match(text, m.end())
        baseline = baseline or bool(started)
        found.append(YearMention(m.start(), m.end(), int(year), baseline))
    for m in [*_FIVE_YEAR_PLAN.finditer(text), *_QUOTED_FIVE_YEAR_PLAN.finditer(text)]:
        n = parse_number(m.group("plan")[:-1])
        if _DOCUMENT_AFTER.match(text, m.end()):
            continue  # 列入国家“十三五”期间风电核准计划: the name of a document, no deadline
        if n is not None:
            # 八五 is the 8th plan, 十五 the 10th, 十四五 the 14th (ending in 2025); from the
            # fourth on they are five years apart. 比“十三五”末 is the base of a comparison.
            end = 1955 + 5 * int(n)
            # 在“十三五”末的基础上翻一番: the base of a change, as 在2020年的基础上 is.
            base = m.group("pre") in _BASE_PRE or bool(_ON_THE_BASIS.match(text, m.end()))
            found.append(YearMention(m.start(), m.end(), end, base))
    taken = [(f.start, f.end) for f in found]
    for m in _REL_YEAR.finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue  # 三年行动: a name, not a deadline
        if any(s <= m.start() < e for s, e in taken):
            continue
        n = parse_number(m.group("n"))
        year = period[0] + int(n) - 1 if period and n is not None and n > 0 else None
        found.append(YearMention(m.start(), m.end(), year, False))
    if period is not None:
        for m in THIS_YEAR.finditer(text):
            single = period[0] == period[1]
            now = m.group().startswith(_NOW)
            if any(s <= m.start() < e for s, e in taken) or not (single or now):
                continue
            if _SINCE.match(text, m.end()):
                continue  # 今年起…2年新建20所: when the work starts, not its deadline
            if not single and any(s < m.start() for s, _ in taken):
                continue  # 到2026年，…，今年…: the deadline written before governs the sentence
            # 今年 in a plan of several years: the year it was issued, its first.
            found.append(YearMention(m.start(), m.end(), period[1] if single else period[0], False))
    if period is not None:
        for m in PERIOD_END.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                found.append(YearMention(m.start(), m.end(), period[1], False))
    return sorted(found, key=lambda f: f.start)
