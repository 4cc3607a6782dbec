package io.ibex.backtest.report;

/**
 * The page's one inline script: for every {@code svg[data-hover]} (see {@link SvgChart}) it adds a cursor line and a
 * tooltip that follow the pointer and show the time (to the nearest minute, as the tables do) and each series' value
 * there. Without script the charts stay readable; only the hover is lost.
 */
public final class HoverScript {
    private HoverScript() {}

    public static final String TAG = "<div id=\"tip\" class=\"tip\" hidden></div><script>(function(){"
        + "var tip=document.getElementById('tip');"
        + "function esc(s){return s.replace(/[&<>]/g,function(c){return c=='&'?'&amp;':c=='<'?'&lt;':'&gt;';});}"
        + "function num(v,p){if(v===null)return 'n/a';return p?(v*100).toFixed(2)+'%':"
        + "v.toLocaleString('en-US',{minimumFractionDigits:2,maximumFractionDigits:2});}"
        + "function when(t){var s=new Date(Math.round(t/60000)*60000).toISOString();return s.substring(0,10)+' '+s.substring(11,16)+' UTC';}"
        + "document.querySelectorAll('svg[data-hover]').forEach(function(svg){"
        + "var d=JSON.parse(svg.getAttribute('data-hover'));"
        + "var cur=document.createElementNS(svg.namespaceURI,'line');cur.setAttribute('class','cursor');"
        + "cur.setAttribute('y1','24');cur.setAttribute('y2',svg.viewBox.baseVal.height-40);cur.style.display='none';svg.appendChild(cur);"
        + "svg.addEventListener('mousemove',function(e){var r=svg.getBoundingClientRect();"
        + "var ux=(e.clientX-r.left)*d.W/r.width;var t=d.x0+(ux-d.l)/d.w*(d.x1-d.x0);"
        + "var lo=0,hi=d.x.length-1;while(lo<hi){var m=(lo+hi)>>1;if(d.x[m]<t)lo=m+1;else hi=m;}"
        + "if(lo>0&&t-d.x[lo-1]<d.x[lo]-t)lo--;"
        + "var px=d.l+(d.x[lo]-d.x0)/(d.x1-d.x0)*d.w;cur.setAttribute('x1',px);cur.setAttribute('x2',px);cur.style.display='';"
        + "var h=when(d.x[lo]);d.s.forEach(function(s){h+='<br>'+esc(s.n)+': <b>'+num(s.y[lo],d.p)+'</b>';});"
        + "tip.innerHTML=h;tip.hidden=false;"
        + "var left=e.clientX+14+tip.offsetWidth>document.documentElement.clientWidth?e.pageX-14-tip.offsetWidth:e.pageX+14;"
        + "tip.style.left=left+'px';tip.style.top=(e.pageY+14)+'px';});"
        + "svg.addEventListener('mouseleave',function(){cur.style.display='none';tip.hidden=true;});"
        + "svg.setAttribute('data-hover-ready','1');});})();</script>\n";
}
