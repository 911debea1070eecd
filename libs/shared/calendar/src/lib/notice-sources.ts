/**
 * Where each year's holiday arrangement comes from: the State Council General Office's annual
 * notice (国务院办公厅关于…年部分节假日安排的通知). The day data itself is `chinese-days`; these
 * references are the ones that package cites for each year (src/holidays/generate.ts, v1.5.7).
 */
export interface NoticeSource {
  /** Title of the notice. */
  title: string;
  /** Document number (文号), where known. */
  documentNumber?: string;
  /** Where the text can be read; more than one when a later notice amended the year. */
  urls: readonly string[];
  /** Where the day data was taken from, e.g. the package that carried it. */
  dataFrom?: string;
}

const DATA_FROM = 'chinese-days@1.5.7';

const title = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

const URLS: Readonly<Record<number, readonly string[]>> = {
  2004: ['https://zh.wikisource.org/zh-hans/国务院办公厅关于2004年部分节假日安排的通知'],
  2005: ['https://zhidao.baidu.com/question/2299098.html'],
  2006: ['http://www.gov.cn/jrzg/2005-12/22/content_133837.htm'],
  2007: ['http://www.gov.cn/fwxx/sh/2006-12/18/content_471877.htm'],
  2008: ['http://www.gov.cn/zwgk/2007-12/18/content_837184.htm'],
  2009: ['http://www.gov.cn/zwgk/2008-12/10/content_1174014.htm'],
  2010: ['http://www.gov.cn/zwgk/2009-12/08/content_1482691.htm'],
  2011: ['http://www.gov.cn/zwgk/2010-12/10/content_1762643.htm'],
  2012: ['http://www.gov.cn/zwgk/2011-12/06/content_2012097.htm'],
  2013: ['http://www.gov.cn/zwgk/2012-12/10/content_2286598.htm'],
  2014: ['http://www.gov.cn/zwgk/2013-12/11/content_2546204.htm'],
  2015: [
    'http://www.gov.cn/zhengce/content/2014-12/16/content_9302.htm',
    // 抗战胜利70周年纪念日调休放假 (3–5 September 2015)
    'http://www.gov.cn/zhengce/content/2015-05/13/content_9742.htm',
  ],
  2016: ['http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm'],
  2017: ['http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm'],
  2018: ['http://www.gov.cn/zhengce/content/2017-11/30/content_5243579.htm'],
  2019: [
    'http://www.gov.cn/xinwen/2018-12/06/content_5346287.htm',
    // 调整2019年劳动节放假安排
    'http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm',
  ],
  2020: [
    'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
    // 延长2020年春节假期
    'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
  ],
  2021: ['http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm'],
  2022: ['http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm'],
  2023: ['http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm'],
  2024: ['https://www.gov.cn/zhengce/content/202310/content_6911527.htm'],
  2025: ['https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'],
  2026: ['https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'],
};

const DOCUMENT_NUMBERS: Readonly<Record<number, string>> = {
  2025: '国办发明电〔2024〕12号',
};

/** The source reference for a bundled year, or undefined when the bundle has no notice for it. */
export function bundledNoticeSource(year: number): NoticeSource | undefined {
  const urls = URLS[year];
  if (!urls) return undefined;
  const documentNumber = DOCUMENT_NUMBERS[year];
  return {
    title: title(year),
    ...(documentNumber ? { documentNumber } : {}),
    urls,
    dataFrom: DATA_FROM,
  };
}
