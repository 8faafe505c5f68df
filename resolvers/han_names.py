"""Chinese family names: the commonest hundred, which most Chinese people bear.

A name of three characters that begins with one is read as a Chinese name is written in
pinyin, family name apart from the given name ("李克强", Li Keqiang). One that does not is
more often a foreign name written by its sounds (拉莫拉 Lamola, 沃洛金 Volodin), whose
characters are no family name and given name.
"""

from __future__ import annotations

__all__ = ["is_common_family_name"]

# The hundred commonest family names of the household register (the Ministry of Public
# Security's national name report for 2020), in simplified characters, commonest first.
_SIMPLIFIED = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁"
               "任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常")
# The same names as Hong Kong and Taiwan write them, where the characters differ.
_TRADITIONAL = "張劉陳楊黃趙吳孫馬羅鄭謝許韓鄧馮蕭葉蔣蘇呂盧鍾譚陸賈韋鄒龍賀顧龔萬錢嚴閻"

_FAMILY_NAMES = frozenset(_SIMPLIFIED + _TRADITIONAL)


def is_common_family_name(character: str) -> bool:
    return character in _FAMILY_NAMES
